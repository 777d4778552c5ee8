/**
 * Code lists the CEB spec names (SPEC §8 business modes; §2/§11 currency, country, unit, transport
 * mode). Sources, honestly: business modes and their meaning are from SPEC §8 (XSD annotations of
 * CEB621/603). Currency 142 = CNY is from the spec ("限定为人民币"). The other currency, country,
 * unit and transport-mode codes are a SUBSET of the GACC parameter tables (JGS-20 海关统计/通关参数代码:
 * 货币代码, 国别(地区)代码, 计量单位代码, 运输方式代码), written from those public tables, not copied
 * from a machine-readable source; every real code used by the official 2022-05 samples and by the
 * demo data is included (not the samples' placeholders: country 001, currency/unit "aaa"). Codes missing here are reported as errors by the checks, so extend the lists
 * (one line each) before declaring goods with other codes.
 */
export interface CodeEntry {
  code: string
  zh: string
  en: string
}

export const BUSINESS_MODES: CodeEntry[] = [
  {
    code: '9610',
    zh: '跨境贸易电子商务（直购进口/一般出口）',
    en: 'Cross-border e-commerce (direct import / general export)',
  },
  {
    code: '1210',
    zh: '保税跨境贸易电子商务（网购保税进口/特殊区域出口）',
    en: 'Bonded cross-border e-commerce',
  },
  { code: '9710', zh: '跨境电商B2B直接出口', en: 'Cross-border e-commerce B2B direct export' },
  {
    code: '9810',
    zh: '跨境电商出口海外仓',
    en: 'Cross-border e-commerce export to overseas warehouse',
  },
]

export const CURRENCIES: CodeEntry[] = [
  { code: '142', zh: '人民币', en: 'Renminbi (CNY)' },
  { code: '110', zh: '港币', en: 'Hong Kong dollar (HKD)' },
  { code: '116', zh: '日本元', en: 'Japanese yen (JPY)' },
  { code: '300', zh: '欧元', en: 'Euro (EUR)' },
  { code: '303', zh: '英镑', en: 'Pound sterling (GBP)' },
  { code: '502', zh: '美元', en: 'US dollar (USD)' },
]

export const COUNTRIES: CodeEntry[] = [
  { code: '110', zh: '中国香港', en: 'Hong Kong, China' },
  { code: '116', zh: '日本', en: 'Japan' },
  { code: '121', zh: '中国澳门', en: 'Macao, China' },
  { code: '132', zh: '新加坡', en: 'Singapore' },
  { code: '133', zh: '韩国', en: 'Korea, Republic of' },
  { code: '142', zh: '中国', en: 'China' },
  { code: '143', zh: '中国台湾', en: 'Taiwan, China' },
  { code: '303', zh: '英国', en: 'United Kingdom' },
  { code: '304', zh: '德国', en: 'Germany' },
  { code: '305', zh: '法国', en: 'France' },
  { code: '307', zh: '意大利', en: 'Italy' },
  { code: '312', zh: '西班牙', en: 'Spain' },
  { code: '309', zh: '荷兰', en: 'Netherlands' },
  { code: '344', zh: '俄罗斯联邦', en: 'Russian Federation' },
  { code: '502', zh: '美国', en: 'United States' },
  { code: '501', zh: '加拿大', en: 'Canada' },
  { code: '601', zh: '澳大利亚', en: 'Australia' },
  { code: '609', zh: '新西兰', en: 'New Zealand' },
]

export const UNITS: CodeEntry[] = [
  { code: '001', zh: '台', en: 'set (machine)' },
  { code: '006', zh: '套', en: 'set' },
  { code: '007', zh: '个', en: 'piece' },
  { code: '011', zh: '件', en: 'item' },
  { code: '025', zh: '双', en: 'pair' },
  { code: '035', zh: '千克', en: 'kilogram' },
  { code: '036', zh: '克', en: 'gram' },
  { code: '095', zh: '升', en: 'litre' },
  { code: '096', zh: '毫升', en: 'millilitre' },
  { code: '120', zh: '箱', en: 'case' },
  { code: '122', zh: '罐', en: 'can' },
  { code: '125', zh: '包', en: 'pack' },
  { code: '136', zh: '袋', en: 'bag' },
  { code: '140', zh: '盒', en: 'box' },
  { code: '142', zh: '瓶', en: 'bottle' },
]

export const TRANSPORT_MODES: CodeEntry[] = [
  { code: '0', zh: '非保税区', en: 'Non-bonded area' },
  { code: '1', zh: '监管仓库', en: 'Supervised warehouse' },
  { code: '2', zh: '水路运输', en: 'Waterway' },
  { code: '3', zh: '铁路运输', en: 'Railway' },
  { code: '4', zh: '公路运输', en: 'Road' },
  { code: '5', zh: '航空运输', en: 'Air' },
  { code: '6', zh: '邮件运输', en: 'Post' },
  { code: '7', zh: '保税区', en: 'Bonded zone' },
  { code: '8', zh: '保税仓库', en: 'Bonded warehouse' },
  { code: '9', zh: '其它运输', en: 'Other' },
  { code: 'W', zh: '物流中心', en: 'Logistics centre' },
  { code: 'X', zh: '物流园区', en: 'Logistics park' },
  { code: 'Y', zh: '保税港区', en: 'Bonded port area' },
]

export type CodeListName = 'businessMode' | 'currency' | 'country' | 'unit' | 'trafMode'

export const CODE_LISTS: Record<CodeListName, CodeEntry[]> = {
  businessMode: BUSINESS_MODES,
  currency: CURRENCIES,
  country: COUNTRIES,
  unit: UNITS,
  trafMode: TRANSPORT_MODES,
}

const SETS = Object.fromEntries(
  Object.entries(CODE_LISTS).map(([name, list]) => [name, new Set(list.map((e) => e.code))])
) as Record<CodeListName, Set<string>>

export const inCodeList = (list: CodeListName, code: string) => SETS[list].has(code)

/**
 * Which XSD fields are checked against which list. `tradeMode` is the business mode (SPEC §8);
 * POD (port of destination) and wrapType have no list here and are checked by the XSD facets only.
 */
export const FIELD_CODE_LISTS: Record<string, CodeListName> = {
  tradeMode: 'businessMode',
  currency: 'currency',
  fCurrency: 'currency',
  iCurrency: 'currency',
  country: 'country',
  tradeCountry: 'country',
  unit: 'unit',
  unit1: 'unit',
  unit2: 'unit',
  trafMode: 'trafMode',
}
