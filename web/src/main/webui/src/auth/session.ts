import { reactive, readonly } from 'vue'
import type Keycloak from 'keycloak-js'
import type { KeycloakTokenParsed } from 'keycloak-js'

/**
 * Sign-in through Keycloak (authorization code + PKCE S256, public client). Tokens live only in the keycloak-js
 * instance in memory; the only thing stored is a non-secret flag in sessionStorage saying that this tab was signed
 * in, so that a reload runs a `check-sso` redirect and comes back signed in. keycloak-js is loaded only when it is
 * needed (flag set, coming back from Keycloak, or the user clicks 登录/注册): public pages stay light.
 */
export interface AuthConfig {
  keycloakUrl: string
  realm: string
  clientId: string
}

interface SessionState {
  /** True once we know whether the user is signed in. */
  ready: boolean
  authenticated: boolean
  username: string | null
  displayName: string | null
  roles: string[]
  /** The account's mobile number, when Keycloak has verified it (skips SMS verification when filing). */
  verifiedPhone: string | null
  /** Message key of the last problem (e.g. auth.unavailable), for the shell to show. */
  problem: string | null
}

const FLAG = 'openysb.signedIn'
const REFRESH_MIN_VALIDITY = 60 // seconds

const state = reactive<SessionState>({
  ready: false,
  authenticated: false,
  username: null,
  displayName: null,
  roles: [],
  verifiedPhone: null,
  problem: null,
})

export const session = readonly(state)

let keycloak: Keycloak | null = null
let initialising: Promise<Keycloak> | null = null
let refreshTimer: ReturnType<typeof setInterval> | null = null
let resolveReady: () => void = () => {}
export const authReady: Promise<void> = new Promise((resolve) => {
  resolveReady = resolve
})

function markReady() {
  state.ready = true
  resolveReady()
}

function flagSet(): boolean {
  try {
    return sessionStorage.getItem(FLAG) === '1'
  } catch {
    return false
  }
}

function setFlag(on: boolean) {
  try {
    if (on) sessionStorage.setItem(FLAG, '1')
    else sessionStorage.removeItem(FLAG)
  } catch {
    // no storage: a reload simply forgets the sign-in
  }
}

/** True when the URL carries Keycloak's answer to a login redirect (fragment response mode). */
export function returningFromKeycloak(): boolean {
  const hash = window.location.hash
  return /[#&]state=/.test(hash) && (/[#&]code=/.test(hash) || /[#&]error=/.test(hash))
}

async function loadConfig(): Promise<AuthConfig> {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`)
  return (await response.json()) as AuthConfig
}

interface OpenYsbToken extends KeycloakTokenParsed {
  preferred_username?: string
  name?: string
  phone_number?: string
  phone_number_verified?: boolean
}

function applyToken(kc: Keycloak) {
  const parsed = kc.tokenParsed as OpenYsbToken | undefined
  state.authenticated = !!kc.authenticated && !!parsed
  state.username = parsed?.preferred_username ?? null
  state.displayName = parsed?.name ?? parsed?.preferred_username ?? null
  state.roles = [...(parsed?.realm_access?.roles ?? [])]
  state.verifiedPhone = parsed?.phone_number && parsed.phone_number_verified === true ? parsed.phone_number : null
}

function clearSession(problem: string | null = null) {
  state.authenticated = false
  state.username = null
  state.displayName = null
  state.roles = []
  state.verifiedPhone = null
  state.problem = problem
  setFlag(false)
  if (refreshTimer) clearInterval(refreshTimer)
  refreshTimer = null
}

function startRefresh(kc: Keycloak) {
  kc.onTokenExpired = () => void refresh()
  kc.onAuthRefreshSuccess = () => applyToken(kc)
  if (refreshTimer) clearInterval(refreshTimer)
  // refresh a minute before expiry, checked every 30 s (also catches a tab that slept)
  refreshTimer = setInterval(() => void refresh(), 30_000)
}

async function refresh(): Promise<boolean> {
  if (!keycloak?.authenticated) return false
  try {
    await keycloak.updateToken(REFRESH_MIN_VALIDITY)
    applyToken(keycloak)
    return true
  } catch {
    keycloak.clearToken()
    clearSession('auth.sessionEnded')
    return false
  }
}

/** Creates and initialises keycloak-js once; `checkSso` asks Keycloak (by redirect) whether a session exists. */
function ensureKeycloak(checkSso: boolean): Promise<Keycloak> {
  if (!initialising) {
    initialising = (async () => {
      const [config, module] = await Promise.all([loadConfig(), import('keycloak-js')])
      const kc = new module.default({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId })
      await kc.init({
        onLoad: checkSso ? 'check-sso' : undefined,
        pkceMethod: 'S256',
        checkLoginIframe: false,
        responseMode: 'fragment',
        enableLogging: false,
      })
      keycloak = kc
      if (kc.authenticated) {
        setFlag(true)
        applyToken(kc)
        startRefresh(kc)
      } else {
        clearSession(state.problem)
      }
      return kc
    })()
    initialising.catch(() => {
      initialising = null
    })
  }
  return initialising
}

/** Called once at start: signs the user back in only if this tab was signed in or is coming back from Keycloak. */
export async function startSession(): Promise<void> {
  if (!flagSet() && !returningFromKeycloak()) {
    markReady()
    return
  }
  try {
    await ensureKeycloak(true)
  } catch {
    clearSession('auth.unavailable')
  } finally {
    markReady()
  }
}

function here(): string {
  const { origin, pathname, search } = window.location
  return origin + pathname + search
}

function keycloakLocale(locale: string): string {
  return locale.startsWith('en') ? 'en' : 'zh-CN'
}

export async function signIn(locale: string, redirectPath?: string): Promise<void> {
  try {
    const kc = await ensureKeycloak(false)
    setFlag(true)
    await kc.login({
      redirectUri: redirectPath ? window.location.origin + redirectPath : here(),
      locale: keycloakLocale(locale),
    })
  } catch {
    clearSession('auth.unavailable')
  }
}

export async function register(locale: string): Promise<void> {
  try {
    const kc = await ensureKeycloak(false)
    setFlag(true)
    await kc.register({ redirectUri: here(), locale: keycloakLocale(locale) })
  } catch {
    clearSession('auth.unavailable')
  }
}

export async function signOut(): Promise<void> {
  const kc = keycloak
  clearSession()
  if (kc?.authenticated) {
    await kc.logout({ redirectUri: window.location.origin + '/' })
  }
}

/** The access token for API calls, refreshed when it is about to expire; null when not signed in. */
export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null
  if (keycloak.isTokenExpired(REFRESH_MIN_VALIDITY)) {
    const ok = await refresh()
    if (!ok) return null
  }
  return keycloak.token ?? null
}
