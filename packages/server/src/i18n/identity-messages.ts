import { addMessages } from './messages.js';

// The messages of applying and acting signed in at the identity platform (统一身份认证).
addMessages('zh-CN', {
  'problem.signInRequired': '请先登录',
  'problem.signInRequiredDetail': '在线申请该事项需要登录统一身份认证，实名等级不低于{required}级。',
  'problem.assuranceInsufficient': '实名等级不足',
  'problem.assuranceInsufficientDetail':
    '在线申请该事项需要实名等级不低于{required}级，您当前为{current}级。',
  'problem.personTokenRequired': '我的办件只对登录的个人和企业经办人开放。',
  'validation.verifiedValueChanged': '该信息来自统一身份认证，不能修改。',
  'validation.raterRequired': '实名评价请填写评价人姓名和手机号码。',
});
addMessages('en', {
  'problem.signInRequired': 'Please sign in',
  'problem.signInRequiredDetail':
    'Applying for this service online needs sign-in with the identity platform at assurance level {required} or higher.',
  'problem.assuranceInsufficient': 'Assurance level too low',
  'problem.assuranceInsufficientDetail':
    'Applying for this service online needs assurance level {required} or higher; yours is {current}.',
  'problem.personTokenRequired': 'My cases is for residents and company representatives who are signed in.',
  'validation.verifiedValueChanged': 'This comes from the identity platform and cannot be changed.',
  'validation.raterRequired': 'A real-name rating needs the rater’s name and mobile number.',
});
