/** Shipped strings of `<banshi-rating-summary>`. Keys are `rsum.*`; sites override them with `overrideMessages`. */
const zhCN = {
  'rsum.title': '好差评公示',
  'rsum.loading': '正在读取评价数据…',
  'rsum.failed': '暂时无法读取评价数据，请稍后重试。',
  'rsum.retry': '重试',
  'rsum.empty': '该期间还没有评价。',
  'rsum.figures': '评价数据',
  'rsum.total': '评价总数',
  'rsum.satisfaction': '满意率',
  'rsum.bad': '差评数',
  'rsum.rectification': '差评整改率',
  'rsum.callback': '实名差评回访率',
  'rsum.none': '—',
  'rsum.rankings': '红黑榜',
  'rsum.noRankings': '目前没有公布中的红黑榜。',
  'rsum.period':
    '统计期间 {from} 至 {to}，{published} 发布，公示至 {until}；评价数不足 {minimum} 条的不参加排名。',
  'rsum.departments': '部门',
  'rsum.windows': '窗口',
  'rsum.red': '红榜',
  'rsum.black': '黑榜',
  'rsum.bySatisfaction': '按满意率',
  'rsum.byBadReviews': '按差评数',
  'rsum.caption': '{group}{list}（{measure}）',
  'rsum.rank': '名次',
  'rsum.name': '名称',
  'rsum.count': '评价数',
  'rsum.noEntry': '暂无上榜',
  'rsum.scroll': '表格可左右滚动',
};

/** The keys of these strings. */
export type RatingSummaryMessageKey = keyof typeof zhCN;

export const ratingSummaryMessages = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((module) => module.en),
};
