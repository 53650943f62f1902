import { computed, onBeforeUnmount, ref } from 'vue'

/** A seconds countdown (resend timers, Retry-After waits) that stops itself and on unmount. */
export function useCountdown() {
  const remaining = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  function start(seconds: number) {
    stop()
    const end = Date.now() + Math.max(0, seconds) * 1000
    remaining.value = Math.max(0, Math.ceil(seconds))
    if (remaining.value === 0) return
    timer = setInterval(() => {
      remaining.value = Math.max(0, Math.ceil((end - Date.now()) / 1000))
      if (remaining.value === 0) stop()
    }, 250)
  }

  onBeforeUnmount(stop)
  return { remaining, running: computed(() => remaining.value > 0), start, stop }
}
