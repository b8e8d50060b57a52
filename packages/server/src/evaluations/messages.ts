import { addMessages } from '../i18n/messages.js';

// The problems and text messages of ratings (评价时效, 整改, 纸质评价卡), in the server's catalogue.
addMessages('zh-CN', {
  'problem.ratingNotOpen': '办件尚未办结，暂不能评价',
  'problem.ratingNotOpenDetail': '该办件当前状态为“{state}”，{stage}后才能评价。',
  'problem.ratingClosed': '评价期限已过',
  'problem.ratingClosedDetail': '办件于 {concluded} 办结，评价期限为办结后 {days} 天，已于 {last} 截止。',
  'problem.followUpClosedDetail': '追评期限为首次评价后 {days} 天，已于 {last} 截止。',
  'rating.stage.submitted': '接件',
  'rating.stage.accepted': '受理',
  'rating.stage.concluded': '办结',
  'rating.sms.invitation':
    '您办理的 {item}（办件编号 {number}）已办结，请在 {last} 前对本次服务进行评价（好差评），感谢您的支持。',
  'validation.rectificationDays': '限期整改的期限为 1 至 {max} 个工作日。',
  'validation.windowRequired': '请选择办理的窗口或事项：大厅评价需要写明窗口。',
  'validation.channelSystem': '“system”渠道仅用于系统默认评价，不能提交。',
});
addMessages('en', {
  'problem.ratingNotOpen': 'This case cannot be rated yet',
  'problem.ratingNotOpenDetail': 'The case is “{state}”; it can be rated from {stage} on.',
  'problem.ratingClosed': 'The rating period is over',
  'problem.ratingClosedDetail':
    'The case was concluded on {concluded}; it could be rated for {days} days, until {last}.',
  'problem.followUpClosedDetail': 'A follow-up may be given within {days} days of the rating, until {last}.',
  'rating.stage.submitted': 'receipt',
  'rating.stage.accepted': 'acceptance',
  'rating.stage.concluded': 'conclusion',
  'rating.sms.invitation':
    'Your case {number} ({item}) is concluded. Please rate the service by {last}. Thank you.',
  'validation.rectificationDays': 'A rectification deadline is 1 to {max} working days.',
  'validation.windowRequired':
    'Choose the window or the service used: a rating in the hall names its window.',
  'validation.channelSystem': 'The “system” channel is for ratings counted by default; it cannot be sent.',
});
