import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureApi } from './client'
import { exportFileName, fileNameFromDisposition, oversightMetrics } from './oversightMetrics'

describe('oversight metrics client', () => {
  afterEach(() => configureApi({ fetch: (...args) => globalThis.fetch(...args), token: async () => null }))

  it('asks the dashboard of a period with only the filters set, through the supervision prefix', async () => {
    const fetch = vi.fn(async () => new Response('{"from":"2026-11-01"}', { status: 200 }))
    configureApi({ fetch: fetch as never, token: async () => 'tok' })
    await oversightMetrics.dashboard({ from: '2026-11-01', to: '2026-11-30' }, { unit: 'CZJ', channel: null, type: '' })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/supervision/metrics/dashboard?from=2026-11-01&to=2026-11-30&unit=CZJ')
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok')
  })

  it('asks the rankings of a month or quarter', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }))
    configureApi({ fetch: fetch as never })
    await oversightMetrics.rankings('2026-Q4')
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/supervision/rankings?period=2026-Q4')
  })

  it('builds the export address and a file name', () => {
    const p = { from: '2026-11-01', to: '2026-11-30' }
    expect(oversightMetrics.exportUrl(p, 'xlsx')).toBe('/api/supervision/metrics/export?from=2026-11-01&to=2026-11-30&format=xlsx')
    expect(exportFileName(p, 'csv')).toBe('督办统计_2026-11-01_2026-11-30.csv')
  })

  it('reads the server file name from Content-Disposition', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E6%9C%88%E6%8A%A5.xlsx`)).toBe('月报.xlsx')
    expect(fileNameFromDisposition('attachment; filename="metrics-2026-11.csv"')).toBe('metrics-2026-11.csv')
    expect(fileNameFromDisposition(null)).toBeNull()
    expect(fileNameFromDisposition('inline')).toBeNull()
  })
})
