/** The API's enums in the words of the reports themselves. */
export const FORM_LABELS: Record<string, string> = {
  PROVINCIAL: '省级旧表（2014 年前）',
  NATIONAL_2014: '全国统一表（2014–2018）',
  GOV_2019: '2019 年条例表（2019–2020）',
  GOV_2021: '2021 年新表（2021 年起）',
  NONE: '无统计表（取自正文）',
};

export const LEVEL_LABELS: Record<string, string> = {
  PROVINCE: '省级政府',
  CITY: '市级政府',
  COUNTY: '县级政府',
  TOWNSHIP: '乡镇街道',
  DEPARTMENT: '部门',
};

export const REGION_LEVEL_LABELS: Record<string, string> = {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县区',
};

export const SOURCE_LABELS: Record<string, string> = {
  TABLE: '表格单元格',
  PROSE: '正文句子',
  DERIVED: '由其他数字推算',
};

export const SEVERITY_LABELS: Record<string, string> = {
  ERROR: '错误',
  WARNING: '警告',
  INFO: '提示',
};

export const CORRECTION_STATUS_LABELS: Record<string, string> = {
  PENDING: '待审核',
  ACCEPTED: '已采纳',
  REJECTED: '未采纳',
};

export const CELL_STATUS_LABELS: Record<string, string> = {
  VALUE: '',
  BLANK: '空白',
  NOT_REPORTED: '未报告',
  NOT_APPLICABLE: '表中无此项',
};

export const NOT_COMPARABLE_LABELS: Record<string, string> = {
  NOT_IN_FORM: '不可比：有的报告表格中没有此项',
  UNITS_DIFFER: '不可比：单位不同',
};

export const HISTORY_KIND_LABELS: Record<string, string> = {
  RE_EXTRACTED: '新版原文改印',
  CORRECTED: '采纳更正',
};
