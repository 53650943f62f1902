/** "10 MB", "512 KB": file size limits as people read them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

const NAMES: Record<string, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/pdf': 'PDF',
}

/** "JPG、PNG、PDF" from media types. */
export function mediaTypeNames(types: string[], separator = '、'): string {
  return types.map((t) => NAMES[t] ?? t.split('/').pop()?.toUpperCase() ?? t).join(separator)
}
