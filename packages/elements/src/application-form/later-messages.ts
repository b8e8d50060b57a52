import { uploadMessages } from './upload-messages.js';
import type { Messages } from '../i18n/registry.js';

/**
 * Strings of the form's later steps (the materials with their uploads, check your answers, the receipt;
 * a file's problem shows only once the uploader has come with the materials step), shipped with the
 * chunks that show them so the form's first chunk does not carry them; sites override them with
 * `overrideMessages` like any other.
 */
const zhCN = {
  ...uploadMessages['zh-CN'],
  'apply.materials.hint': '选择文件后立即上传。支持 PDF、OFD、JPG、PNG。',
  'apply.material.eLicence': '免提交：将从电子证照库调取',
  'apply.material.choose': '选择文件',
  'apply.material.limits': '支持 {types}，单个文件不超过 {max}',
  'apply.material.photo': '拍照上传',
  'apply.material.drop': '也可将文件拖到此处',
  'apply.material.now': '现在上传',
  'apply.material.later': '容缺后补：受理后 {days} 个工作日内补交',
  'apply.material.deadline': '请在受理后 {days} 个工作日内补交',
  'apply.material.reuse': '使用已上传的文件',
  'apply.review.hint': '提交前请核对以下内容。',
  'apply.change': '修改',
  'apply.none': '未填写',
  'apply.commitment': '告知承诺',
  'apply.commitment.accept': '我已阅读并同意以上承诺',
  'apply.done': '申请已提交',
  'apply.caseNumber': '办件编号',
  'apply.queryCode': '查询密码',
  'apply.done.keep': '请记下办件编号和查询密码，凭此在“我要查”查询办理进度。查询密码只显示这一次。',
  'apply.copy': '复制{label}',
  'apply.copied': '已复制{label}',
  'apply.print': '打印回执',
  'apply.receipt': '申请回执',
  'apply.track': '查询办理进度的二维码',
  'apply.track.hint': '用手机扫描二维码或打开下面的地址，输入查询密码即可查看办理进度：',
  'apply.item': '办理事项',
  'apply.submittedAt': '提交时间',
  'apply.deferred': '容缺后补材料',
  'apply.deferredUntil': '{name}：请于 {date} 前补交',
  'apply.again': '开始新的申请',
};

/** The keys of these strings. */
export type LaterMessageKey = keyof typeof zhCN;

export const laterMessages = {
  'zh-CN': zhCN as Messages,
  en: () => import('./later-messages.en.js').then((module) => module.en),
};
