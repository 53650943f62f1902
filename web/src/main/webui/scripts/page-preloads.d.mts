import type { Plugin } from 'vite'

/** Writes dist/page-preloads.json: per first path segment, the page's chunks, styles and first API fetches. */
export function pagePreloads(pages: Record<string, { module: string; dynamic?: boolean; fetch?: string[] }>): Plugin
