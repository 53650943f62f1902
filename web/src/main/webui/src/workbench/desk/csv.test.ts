import { describe, expect, it } from 'vitest'
import { decodeCsvBytes, parseCsv, stripBom, toCsv } from './csv'

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells)

describe('parseCsv', () => {
  it('reads plain rows with LF, CRLF and CR line ends alike', () => {
    expect(cells('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']])
    expect(cells('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']])
    expect(cells('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']])
  })

  it('drops a byte order mark', () => {
    expect(cells('\uFEFFworkOrderNumber,type\r\nA1,投诉\r\n')).toEqual([['workOrderNumber', 'type'], ['A1', '投诉']])
  })

  it('keeps Chinese text, commas, doubled quotes and line breaks inside quotes', () => {
    const text = 'summary,content\r\n"营业执照变更，多次补材料","他说：""再等等""\r\n第二段"\r\n'
    expect(cells(text)).toEqual([
      ['summary', 'content'],
      ['营业执照变更，多次补材料', '他说："再等等"\r\n第二段'],
    ])
  })

  it('keeps empty cells and skips blank lines', () => {
    expect(cells('a,b,c\n\n1,,3\n,,\n\n')).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['', '', '']])
  })

  it('reads a last row without a line end', () => {
    expect(cells('a\n1')).toEqual([['a'], ['1']])
  })

  it('tells the line each record starts on, multi-line cells included', () => {
    const parsed = parseCsv('h1,h2\n\n"x\ny",1\n2,3\r\n4,5')
    expect(parsed.records.map((r) => r.line)).toEqual([1, 3, 5, 6])
  })

  it('reports a quote that never closes', () => {
    const parsed = parseCsv('a,b\n1,"open\n2,3\n')
    expect(parsed.unclosedQuoteLine).toBe(2)
    expect(parseCsv('a\n"closed"\n').unclosedQuoteLine).toBeNull()
  })

  it('reads a quoted empty cell as a record', () => {
    expect(cells('a\n""\n')).toEqual([['a'], ['']])
  })
})

describe('toCsv', () => {
  it('quotes what needs quoting, ends rows with CRLF and starts with a BOM', () => {
    const text = toCsv([
      ['行号', '说明'],
      [1, '含,逗号'],
      [2, '含"引号"'],
      [3, '两行\n文字'],
      [4, null],
    ])
    expect(text).toBe('\uFEFF行号,说明\r\n1,"含,逗号"\r\n2,"含""引号"""\r\n3,"两行\n文字"\r\n4,\r\n')
  })

  it('reads back what it writes', () => {
    const rows = [['a', 'b'], ['投诉，举报', '"quoted"\r\nnext'], ['', ' spaced ']]
    expect(cells(toCsv(rows))).toEqual(rows)
  })

  it('defuses cells a spreadsheet would run as formulas, but not negative numbers', () => {
    expect(toCsv([['=SUM(A1)', '+1+1', '@x', '-1', '-x']], false)).toBe("'=SUM(A1),'+1+1,'@x,-1,'-x\r\n")
  })
})

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode('类型,区域\n投诉,东城区\n')
    expect(decodeCsvBytes(utf8)).toEqual({ text: '类型,区域\n投诉,东城区\n', encoding: 'utf-8' })
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    expect(decodeCsvBytes(bom).text).toBe('类型,区域\n投诉,东城区\n')
  })

  it('falls back to GB18030 (GBK) for files saved by spreadsheet programs on Chinese Windows', () => {
    // "投诉" in GBK: CD B6 CB DF
    const gbk = new Uint8Array([0x74, 0x79, 0x70, 0x65, 0x0a, 0xcd, 0xb6, 0xcb, 0xdf, 0x0a])
    expect(decodeCsvBytes(gbk)).toEqual({ text: 'type\n投诉\n', encoding: 'gb18030' })
  })

  it('strips a BOM only at the start', () => {
    expect(stripBom('\uFEFFa\uFEFF')).toBe('a\uFEFF')
  })
})
