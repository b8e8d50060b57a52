/**
 * Strings of the already-rated view of `<banshi-rating>` (keys `rating.rated.*`), shipped with that view's
 * chunk so pages that never show it do not download them; sites override them with `overrideMessages`.
 */
const zhCN = {
  'rating.rated.title': '您已评价过本办件',
  'rating.rated.yours': '您的评价',
  'rating.rated.at': '评价时间',
  'rating.rated.followUp': '您的追评',
  'rating.rated.reply': '办理部门的答复',
  'rating.rated.reply.rectifying': '限期整改，将于 {due} 前完成：{text}',
  'rating.rated.reply.immediate': '已立行立改：{text}',
  'rating.rated.reply.scheduled': '已按期整改：{text}',
  'rating.rated.reply.explained': '解释说明：{text}',
  'rating.rated.appeal': '申诉复核',
  'rating.rated.appeal.submitted': '办理部门对该差评提出了申诉，正在由政务服务管理机构复核。',
  'rating.rated.appeal.accepted': '政务服务管理机构复核认定申诉成立：该评价不再计入满意度统计。',
  'rating.rated.appeal.rejected': '政务服务管理机构复核认定申诉不成立：办理部门须整改或说明。',
  'rating.rated.appeal.reason': '复核理由：{reason}',
  'rating.rated.appeal.decidedAt': '复核时间：{time}',
  'rating.rated.followUp.offer': '追加评价（追评）',
  'rating.rated.followUp.until': '如办理结果有变化，可在 {day} 前追评一次。',
  'rating.rated.followUp.closed': '追评须在首次评价后的规定期限内提交，本办件的追评期限已于 {day} 截止。',
  'rating.rated.followUp.done': '每次评价只能追评一次，您已追评。',
  'rating.followUp.title': '追加评价',
} as const;

export type RatedMessageKey = keyof typeof zhCN;

const en: Record<RatedMessageKey, string> = {
  'rating.rated.title': 'You have rated this case',
  'rating.rated.yours': 'Your rating',
  'rating.rated.at': 'Rated on',
  'rating.rated.followUp': 'Your follow-up rating',
  'rating.rated.reply': 'The office’s reply',
  'rating.rated.reply.rectifying': 'To be fixed by {due}: {text}',
  'rating.rated.reply.immediate': 'Fixed at once: {text}',
  'rating.rated.reply.scheduled': 'Fixed by the deadline: {text}',
  'rating.rated.reply.explained': 'Explanation: {text}',
  'rating.rated.appeal': 'Appeal',
  'rating.rated.appeal.submitted':
    'The office appealed against this review; the government service administration is reviewing it.',
  'rating.rated.appeal.accepted':
    'The government service administration upheld the office’s appeal: this rating no longer counts in the figures.',
  'rating.rated.appeal.rejected':
    'The government service administration rejected the office’s appeal: the office must fix the cause or explain.',
  'rating.rated.appeal.reason': 'Reason: {reason}',
  'rating.rated.appeal.decidedAt': 'Decided on {time}',
  'rating.rated.followUp.offer': 'Add a follow-up rating',
  'rating.rated.followUp.until': 'If anything changed, you may add one follow-up rating until {day}.',
  'rating.rated.followUp.closed':
    'A follow-up rating must be given within the set period after the first rating; for this case it ended on {day}.',
  'rating.rated.followUp.done': 'A rating can be followed up once, and you have done so.',
  'rating.followUp.title': 'Add a follow-up rating',
};

export const ratedMessages = { 'zh-CN': zhCN, en };
