// The people of the development login: residents at each assurance level (实名等级), a company's legal
// representative and 经办人, and staff of three departments covering every role. Their claims use the
// server's default claim names (see packages/server/src/identity/claims.ts).
import { idCardCheckChar } from '@banshi/sdk/forms';

/** A resident ID number (GB 11643) with its check character. */
function idNumber(body) {
  return body + idCardCheckChar(body);
}

const company = {
  company_credit_code: '91150302MA0N7K2X39',
  company_name: '乌海市蓝天商贸有限公司',
};

/** @type {{ id: string; group: 'resident' | 'company' | 'staff'; label: string; claims: Record<string, unknown> }[]} */
export const personas = [
  {
    id: 'resident-zhangli',
    group: 'resident',
    label: '张丽 · 海勃湾区居民 · 实名等级 L3（人脸核验）',
    claims: {
      name: '张丽',
      id_type: 'residentIdCard',
      id_number: idNumber('15030219900101123'),
      phone_number: '13947312345',
      assurance_level: 3,
      address: { region: '150302', street_address: '内蒙古自治区乌海市海勃湾区黄河东街 29 号' },
    },
  },
  {
    id: 'resident-wangjianguo',
    group: 'resident',
    label: '王建国 · 实名等级 L2（银行卡核验）',
    claims: {
      name: '王建国',
      id_type: 'residentIdCard',
      id_number: idNumber('15030319650315201'),
      phone_number: '13804730021',
      assurance_level: 2,
    },
  },
  {
    id: 'resident-alatan',
    group: 'resident',
    label: '阿拉坦 · 实名等级 L1（仅手机号）',
    claims: { name: '阿拉坦', phone_number: '15947300318', assurance_level: 1 },
  },
  {
    id: 'company-legal',
    group: 'company',
    label: '周海 · 乌海市蓝天商贸有限公司 法定代表人',
    claims: {
      name: '周海',
      id_type: 'residentIdCard',
      id_number: idNumber('15030219780620301'),
      phone_number: '13904731188',
      assurance_level: 3,
      ...company,
      company_relation: 'legalRepresentative',
    },
  },
  {
    id: 'company-agent',
    group: 'company',
    label: '吴敏 · 乌海市蓝天商贸有限公司 经办人',
    claims: {
      name: '吴敏',
      id_type: 'residentIdCard',
      id_number: idNumber('15030219920908402'),
      phone_number: '13614739920',
      assurance_level: 3,
      ...company,
      company_relation: 'agent',
    },
  },
  staff('staff-zjj-clerk', '李娜', ['windowClerk'], ['150302-zjj'], '住房和城乡建设局 窗口受理'),
  staff('staff-zjj-approver', '王芳', ['approver'], ['150302-zjj'], '住房和城乡建设局 审批'),
  staff('staff-zjj-supervisor', '马骏', ['supervisor'], ['150302-zjj'], '住房和城乡建设局 好差评管理'),
  staff('staff-gaj-clerk', '刘强', ['windowClerk', 'approver'], ['150302-gaj'], '公安分局 窗口受理与审批'),
  staff('staff-gaj-supervisor', '高原', ['supervisor'], ['150302-gaj'], '公安分局 好差评管理'),
  staff('staff-zwfw-reviewer', '赵敏', ['reviewer'], ['150302-zwfw'], '政务服务与数据管理局 申诉复核'),
  staff('staff-zwfw-admin', '孙磊', ['admin'], ['150302-zwfw'], '政务服务与数据管理局 系统管理'),
];

function staff(id, name, roles, departments, post) {
  return { id, group: 'staff', label: `${name} · ${post}`, claims: { name, roles, departments } };
}

/** The persona with this account id. */
export function personaById(id) {
  return personas.find((persona) => persona.id === id);
}
