import { addMessages } from '../i18n/messages.js';

// The appointment problems and text messages, in the server's catalogue.
addMessages('zh-CN', {
  'appointment.notBookable': '事项 {code} 暂未开放预约。',
  'appointment.nonWorkingDay': '{day} 不是工作日，大厅不办公，请选择其他日期。',
  'appointment.dayNotOpen': '只能预约今天起 {days} 天内的时段。',
  'appointment.noSuchSlot': '没有这个时段，或该时段已经开始。',
  'appointment.slotFull': '该时段已约满，请选择其他时段。',
  'appointment.alreadyBooked': '您当天已预约过该事项，如需更改请先取消原预约。',
  'appointment.blocked': '近 {window} 天内爽约 {count} 次，{until} 前不能在线预约，请到大厅现场取号。',
  'appointment.bookerRequired': '请登录，或填写姓名、手机号和短信验证码。',
  'appointment.codeInvalid': '验证码不正确或已过期，请重新获取。',
  'appointment.codeTooSoon': '验证码已发送，请 {seconds} 秒后再试。',
  'appointment.lookupFailed': '预约号或签到码不正确。',
  'appointment.tooLate': '预约开始前 {minutes} 分钟内不能取消或改约。',
  'appointment.notActive': '该预约已取消或已使用。',
  'appointment.notToday': '该预约的日期是 {day}，请在当天签到。',
  'appointment.queueEmpty': '当前没有等候的号。',
  'validation.endBeforeStart': '结束时间应晚于开始时间。',
  'appointment.sms.code': '您的预约验证码为 {code}，10 分钟内有效。如非本人操作，请忽略。',
  'appointment.sms.booked':
    '您已预约 {item}，{day} {start}—{end}，{window}。预约号 {number}，签到码 {code}。',
  'appointment.sms.reminder':
    '提醒：您预约的 {item} 在明天 {day} {start}，{window}。请凭签到码到大厅签到取号。',
});
addMessages('en', {
  'appointment.notBookable': 'Item {code} does not take bookings yet.',
  'appointment.nonWorkingDay': '{day} is not a working day; the hall is closed. Choose another day.',
  'appointment.dayNotOpen': 'Only slots within {days} days from today can be booked.',
  'appointment.noSuchSlot': 'There is no such slot, or it has already started.',
  'appointment.slotFull': 'This slot is fully booked. Choose another one.',
  'appointment.alreadyBooked':
    'You already have a booking for this service that day; cancel it first to change it.',
  'appointment.blocked':
    '{count} missed bookings in {window} days: online booking is closed to you until {until}. Take a ticket at the hall.',
  'appointment.bookerRequired': 'Sign in, or give your name, mobile number and the SMS code.',
  'appointment.codeInvalid': 'The code is wrong or has expired. Ask for a new one.',
  'appointment.codeTooSoon': 'A code was just sent. Try again in {seconds} seconds.',
  'appointment.lookupFailed': 'The booking number or check-in code is not correct.',
  'appointment.tooLate': 'A booking cannot be cancelled or moved in the {minutes} minutes before it starts.',
  'appointment.notActive': 'This booking was cancelled or has been used.',
  'appointment.notToday': 'This booking is for {day}; check in on that day.',
  'appointment.queueEmpty': 'Nobody is waiting.',
  'validation.endBeforeStart': 'The end must be after the start.',
  'appointment.sms.code': 'Your booking code is {code}, valid for 10 minutes.',
  'appointment.sms.booked':
    'Booked: {item}, {day} {start}–{end}, {window}. Booking {number}, check-in code {code}.',
  'appointment.sms.reminder':
    'Reminder: {item} tomorrow, {day} {start}, {window}. Check in at the hall with your code.',
});
