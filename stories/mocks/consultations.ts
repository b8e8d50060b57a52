/**
 * 我要问 answers: suggestions while typing, a question sent, its answer, the item's published answers, and
 * 我的咨询 of the signed-in person.
 */
import { http, type HttpHandler } from 'msw';
import { API, json, problem } from './respond.js';
import { isSignedIn } from './identity.js';

const question = {
  number: 'ZX2612070K3P9Q',
  itemCode: '11150302MB154687214000105012000',
  itemName: '公共租赁住房申请',
  department: { id: '150302-zjj', name: '海勃湾区住房和城乡建设局' },
  question: '非本区户籍在本区工作三年，可以申请公租房吗？',
  askedAt: '2026-12-07T09:12:00+08:00',
  answerDue: '2026-12-08',
  state: 'answered',
  overdue: false,
  published: false,
  answer: {
    text: '可以。持有本区居住证且在本区连续缴纳社会保险满 1 年的，可以申请。',
    answeredAt: '2026-12-07T15:20:00+08:00',
    office: '海勃湾区住房和城乡建设局',
  },
};
const faq = {
  source: 'faq',
  question: '非本区户籍可以申请吗？',
  answer: '可以。持有本区居住证且在本区连续缴纳社会保险满 1 年的，可以申请。',
};

/** 张丽's questions asked signed in: one answered, one still waiting past its deadline. */
const mine = [
  question,
  {
    ...question,
    number: 'ZX261203HQ4M7R',
    question: '公租房申请需要提供哪些收入证明材料？',
    askedAt: '2026-12-03T10:05:00+08:00',
    answerDue: '2026-12-04',
    state: 'awaitingAnswer',
    overdue: true,
    answer: undefined,
  },
];

export const consultationHandlers: Record<'normal', HttpHandler[]> = {
  normal: [
    http.get(`${API}/consultation-suggestions`, ({ request }) => json(request, { items: [faq] })),
    http.get(`${API}/items/:code/published-answers`, ({ request }) =>
      json(request, { items: [], nextCursor: null }),
    ),
    http.post(`${API}/consultations`, ({ request }) =>
      json(request, { ...question, state: 'awaitingAnswer', answer: undefined, queryCode: '7K3P9QWD' }, 201),
    ),
    http.get(`${API}/consultations/:number`, ({ request }) => json(request, question)),
    http.get(`${API}/me/consultations`, ({ request }) =>
      isSignedIn(request)
        ? json(request, { items: mine, nextCursor: null })
        : problem(request, {
            status: 401,
            code: 'unauthorized',
            title: { 'zh-CN': '请先登录', en: 'Sign in' },
          }),
    ),
  ],
};
