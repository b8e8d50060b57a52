import { addMessages } from '../../i18n/messages.js';

// The messages of the figures per department, window and member of staff, and of the 红黑榜.
addMessages('zh-CN', {
  'problem.departmentNotFound': '没有部门 {id} 的评价数据',
  'problem.rankingNotFound': '没有这期红黑榜',
  'validation.periodEnd': '结束日期不能早于开始日期。',
});
addMessages('en', {
  'problem.departmentNotFound': 'There are no rating figures of department {id}',
  'problem.rankingNotFound': 'There is no such red and black list',
  'validation.periodEnd': 'The end date cannot be before the start date.',
});
