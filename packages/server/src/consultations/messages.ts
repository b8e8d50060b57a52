import { addMessages } from '../i18n/messages.js';

// The 我要问 problems, the 12345 hand-off and the text message, in the server's catalogue.
addMessages('zh-CN', {
  'consultation.lookupFailed': '咨询编号或查询密码不正确。',
  'consultation.subjectRequired': '请选择要咨询的事项或部门。',
  'consultation.departmentNotFound': '没有找到部门 {id}。',
  'consultation.notAnswered': '该咨询尚未答复，答复后才能追问或评价。',
  'consultation.followUpTaken': '每个咨询只能追问一次。',
  'consultation.nothingToAnswer': '该咨询已经答复，没有待答复的追问。',
  'consultation.notPublishable': '只有已答复的事项咨询才能公开。',
  'consultation.alreadyPublished': '该咨询已经公开。',
  'consultation.personalData': '公开内容中仍有手机号或证件号码，请删除后再公开。',
  'consultation.uploadNotFound': '没有找到该附件，或它不属于本次填报。',
  'consultation.notRateable': '对部门的咨询不参与好差评，只有对事项的咨询可以评价。',
  'consultation.hotline': '投诉举报和不属于政务服务大厅办理范围的事项，请拨打 12345 政务服务便民热线。',
  'consultation.sms.answered': '您的咨询 {number} 已答复，请凭咨询编号和查询密码查看。',
});
addMessages('en', {
  'consultation.lookupFailed': 'The question number or query code is wrong.',
  'consultation.subjectRequired': 'Choose the item or department you are asking.',
  'consultation.departmentNotFound': 'There is no department {id}.',
  'consultation.notAnswered': 'The question has no answer yet; follow-ups and ratings come after it.',
  'consultation.followUpTaken': 'A question takes one follow-up only.',
  'consultation.nothingToAnswer': 'The question is answered and no follow-up is waiting.',
  'consultation.notPublishable': 'Only an answered question about an item can be published.',
  'consultation.alreadyPublished': 'The question is already published.',
  'consultation.personalData': 'The text still holds a mobile or ID number; remove it before publishing.',
  'consultation.uploadNotFound': 'The attachment was not found in this form session.',
  'consultation.notRateable':
    'Questions to a department as a whole are not rated; questions about an item are.',
  'consultation.hotline':
    'For complaints, reports and matters outside the service hall, call the 12345 government service hotline.',
  'consultation.sms.answered':
    'Your question {number} has an answer; read it with its number and query code.',
});
