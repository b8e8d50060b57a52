import { uploadMessages } from '../application-form/upload-messages.js';

/** Shipped strings of `<banshi-consult>`. Keys are `ask.*` (and the uploader's `apply.file.*`); sites override them with `overrideMessages`. */
const zhCN = {
  ...uploadMessages['zh-CN'],
  'ask.title': '我要问',
  'ask.question': '您的问题（10—500 字）',
  'ask.mobile': '手机号码（选填，答复后短信通知）',
  'ask.send': '提交咨询',
  'ask.sending': '正在提交…',
  'ask.suggest': '这些已有答复可能解决您的问题：',
  'ask.errors': '请先更正以下内容',
  'ask.error.question': '问题需要 10 到 500 个字',
  'ask.error.mobile': '请填写 11 位手机号码，或留空',
  'ask.error.number': '请填写咨询编号和 8 位查询密码',
  'ask.failed': '暂时无法连接咨询服务，请稍后重试。',
  'ask.received': '咨询已提交，将在 {due} 前答复。',
  'ask.number': '咨询编号',
  'ask.code': '查询密码',
  'ask.keep': '请记下咨询编号和查询密码（仅显示一次），凭此查看答复。',
  'ask.read': '查看答复',
  'ask.again': '再问一个问题',
  'ask.waiting': '尚未答复，将在 {due} 前答复。',
  'ask.answer': '答复（{office}）',
  'ask.followUp': '追问（仅一次）',
  'ask.sendFollowUp': '提交追问',
  'ask.rate': '您对答复满意吗？',
  'ask.sendRating': '提交评价',
  'ask.rated': '感谢您的评价。',
  'ask.level.verySatisfied': '非常满意',
  'ask.level.satisfied': '满意',
  'ask.level.basicallySatisfied': '基本满意',
  'ask.level.dissatisfied': '不满意',
  'ask.level.veryDissatisfied': '非常不满意',
  'ask.attachment': '附件（选填，一个 PDF、OFD、JPG 或 PNG 文件，不超过 20 MB）',
  'ask.error.uploading': '附件还在上传，请稍候再提交',
  'ask.error.attachment': '附件未能上传：请重新选择文件，或删除后再提交',
  'ask.mine.title': '我的咨询',
  'ask.mine.loading': '正在读取我的咨询…',
  'ask.mine.failed': '暂时无法读取我的咨询。',
  'ask.mine.retry': '重试',
  'ask.mine.empty': '您登录后还没有提过问题。',
  'ask.state.awaitingAnswer': '待答复',
  'ask.state.answered': '已答复',
  'ask.state.awaitingFollowUpAnswer': '追问待答复',
  'ask.state.followUpAnswered': '追问已答复',
  'ask.overdue': '已超期',
};

/** The keys of these strings. */
export type ConsultMessageKey = keyof typeof zhCN;

export const consultMessages = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((module) => module.en),
};
