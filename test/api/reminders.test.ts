/**
 * Reminders of due and overdue tasks (issue 4, item 6): who is reminded (per task, or by a digest
 * for the coordinators above the lead unit), that a second run adds nothing, that a unit elsewhere
 * hears nothing, that a merged lead unit's successor is reminded, e-mail through a real SMTP server (smtp-server)
 * with a failure that is retried, and the notifications API on top.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { runReminders } from '../../server/commands/reminders.ts';
import { createMailer, type Mailer } from '../../server/mail/mailer.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD } from '../helpers/constants.ts';
import { DUONG_KINH, HAI_AN, addPlan, addTask, addUser, clearTasks, notificationKeys, unitByCode, userId } from '../helpers/taskFixtures.ts';

const TODAY = '2025-10-20';

interface Received {
  to: string[];
  raw: string;
}

/** Decode RFC 2047 words and a quoted-printable or base64 UTF-8 body: enough to read what nodemailer sends. */
function decodeHeader(value: string): string {
  return value.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  ).trim();
}
function decodeQp(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
function parseMail(raw: string) {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const header = (name: string) => {
    const m = new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
    return m ? decodeHeader(m[1]!) : undefined;
  };
  const encoding = header('Content-Transfer-Encoding')?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQp(body) : body;
  return { subject: header('Subject'), to: header('To'), contentType: header('Content-Type'), text: text.replace(/\r\n/g, '\n') };
}

describe('task reminders', () => {
  let api: TestApi;
  let smtp: SMTPServer;
  let mailer: Mailer;
  const inbox: Received[] = [];
  let rejecting = false;
  const ids = {} as Record<'soon' | 'tomorrow' | 'overdue' | 'completed' | 'later' | 'paused' | 'elsewhere' | 'undated', number>;
  const users = {} as Record<'responsible' | 'dkCoordinator' | 'otherReporter' | 'inactive' | 'baocao' | 'dieuphoi', number>;
  let otherName = '';
  const digestKeys = async () =>
    (await api.database.db.selectFrom('notifications').select('dedup_key').where('dedup_key', 'like', 'digest:%').execute()).map((r) => r.dedup_key);

  before(async () => {
    api = await startTestApi();
    const db = api.database.db;
    await clearTasks(db);
    const dk = await unitByCode(db, DUONG_KINH);
    const other = await db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('parent_id', '=', dk.parent_id)
      .where('kind', '=', 'ward')
      .where('id', '<>', dk.id)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    otherName = other.name;

    users.baocao = await userId(db, 'baocao');
    users.dieuphoi = await userId(db, 'dieuphoi');
    await db.updateTable('users').set({ email: 'baocao@duongkinh.example.vn' }).where('id', '=', users.baocao).execute();
    users.responsible = await addUser(db, 'phutrach', { email: 'phu.trach@example.vn' });
    users.dkCoordinator = await addUser(db, 'dieuphoi.duongkinh', { unitId: dk.id, role: 'coordinator' });
    users.otherReporter = await addUser(db, 'baocao.khac', { unitId: other.id, role: 'reporter', email: 'khac@example.vn' });
    users.inactive = await addUser(db, 'nghiviec', { unitId: dk.id, role: 'reporter', active: false, email: 'nghi@example.vn' });

    const planId = await addPlan(db, '35/KH-UBND-T');
    const at = (title: string, dueDate: string | null, extra: Partial<Parameters<typeof addTask>[1]> = {}) =>
      addTask(db, { planId, title, leadUnitId: dk.id, dueDate, ...extra });
    ids.soon = await at('Số hóa hồ sơ thủ tục hành chính', '2025-10-27', { responsibleUserId: users.responsible });
    ids.tomorrow = await at('Triển khai chữ ký số cho cán bộ', '2025-10-21', { state: 'not_started' });
    ids.overdue = await at('Xây dựng kho dữ liệu dùng chung của phường', '2025-10-10');
    ids.completed = await at('Tập huấn kỹ năng số', '2025-10-10', { state: 'completed', completedOn: '2025-10-09' });
    ids.later = await at('Đánh giá mức độ chuyển đổi số', '2025-11-30');
    ids.paused = await at('Lắp camera an ninh', '2025-10-01', { state: 'paused', reason: 'Chờ kinh phí' });
    ids.undated = await at('Tuyên truyền thường xuyên', null);
    ids.elsewhere = await addTask(db, { planId, title: 'Nhiệm vụ của phường khác', leadUnitId: other.id, dueDate: '2025-10-15' });

    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'thu.dien.tu' && auth.password === 'mật-khẩu') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(_address, _session, callback) {
        if (rejecting) {
          const error = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 450 });
          callback(error);
        } else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = createMailer({ smtpUrl: `smtp://thu.dien.tu:${encodeURIComponent('mật-khẩu')}@127.0.0.1:${port}`, mailFrom: 'DX Pulse <nhacviec@dxpulse.test>' })!;
  });

  after(async () => {
    mailer?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await api?.close();
  });

  it('reminds the responsible person and the lead unit per task, the coordinators above by one digest per kind, and nobody else', async () => {
    const result = await runReminders(api.database.db, { today: TODAY });
    const unitPeople = ['baocao', 'dieuphoi.duongkinh'];
    const expected = [
      ...unitPeople.map((u) => `${u} ${ids.soon} task.due_soon`),
      `phutrach ${ids.soon} task.due_soon`,
      ...unitPeople.map((u) => `${u} ${ids.tomorrow} task.due_tomorrow`),
      ...unitPeople.map((u) => `${u} ${ids.overdue} task.overdue`),
      `baocao.khac ${ids.elsewhere} task.overdue`,
      'dieuphoi null task.due_soon.digest',
      'dieuphoi null task.due_tomorrow.digest',
      'dieuphoi null task.overdue.digest',
    ].sort();
    assert.deepEqual(await notificationKeys(api.database.db), expected);
    assert.equal(result.created, expected.length);
    assert.equal(result.emailed, 0, 'no mailer, no e-mail');
  });

  it('a digest counts and names the tasks of the units below, and links to the filtered tasks page', async () => {
    const rows = await api.database.db.selectFrom('notifications').selectAll().where('user_id', '=', users.dieuphoi).orderBy('kind').execute();
    assert.deepEqual(
      rows.map((r) => [r.kind, r.title, r.link, r.dedup_key, r.task_id]),
      [
        ['task.due_soon.digest', '1 nhiệm vụ đến hạn trong 7 ngày tới tại các đơn vị bạn theo dõi', '/tasks?dueFrom=2025-10-22&dueTo=2025-10-27', 'digest:due_soon:2025-10-20', null],
        ['task.due_tomorrow.digest', '1 nhiệm vụ đến hạn ngày mai tại các đơn vị bạn theo dõi', '/tasks?dueFrom=2025-10-21&dueTo=2025-10-21', 'digest:due_tomorrow:2025-10-20', null],
        ['task.overdue.digest', '2 nhiệm vụ quá hạn tại các đơn vị bạn theo dõi', '/tasks?overdue=1', 'digest:overdue:2025-10-20', null],
      ],
    );
    const overdue = rows.find((r) => r.kind === 'task.overdue.digest')!;
    assert.deepEqual(overdue.body!.split('\n'), [
      '«Xây dựng kho dữ liệu dùng chung của phường» — Phường Dương Kinh, hạn 10/10/2025 (quá 10 ngày)',
      `«Nhiệm vụ của phường khác» — ${otherName}, hạn 15/10/2025 (quá 5 ngày)`,
    ]);
    assert.match(rows.find((r) => r.kind === 'task.due_soon.digest')!.body!, /^«Số hóa hồ sơ thủ tục hành chính» — Phường Dương Kinh, hạn 27\/10\/2025 \(còn 7 ngày\)$/);
  });

  it('writes Vietnamese texts with the plan number, the due date dd/mm/yyyy and a link to the task', async () => {
    const rows = await api.database.db.selectFrom('notifications').selectAll().where('user_id', '=', users.baocao).orderBy('task_id').execute();
    const byTask = new Map(rows.map((r) => [r.task_id, r]));
    const soon = byTask.get(ids.soon)!;
    assert.equal(soon.title, 'Còn 7 ngày đến hạn: Số hóa hồ sơ thủ tục hành chính');
    assert.match(soon.body!, /Kế hoạch số 35\/KH-UBND-T/);
    assert.match(soon.body!, /Phường Dương Kinh/);
    assert.match(soon.body!, /ngày 27\/10\/2025 — còn 7 ngày/);
    assert.equal(soon.link, `/tasks/${ids.soon}`);
    assert.equal(byTask.get(ids.tomorrow)!.title, 'Đến hạn ngày mai: Triển khai chữ ký số cho cán bộ');
    assert.match(byTask.get(ids.tomorrow)!.body!, /vào ngày mai, 21\/10\/2025/);
    assert.equal(byTask.get(ids.overdue)!.title, 'Quá hạn 10 ngày: Xây dựng kho dữ liệu dùng chung của phường');
    assert.match(byTask.get(ids.overdue)!.body!, /\(10\/10\/2025\) 10 ngày mà chưa hoàn thành/);
  });

  it('is idempotent: a second run the same day, or the next day, adds nothing already sent', async () => {
    const before = await notificationKeys(api.database.db);
    assert.equal((await runReminders(api.database.db, { today: TODAY })).created, 0);
    assert.deepEqual(await notificationKeys(api.database.db), before);
    // The next day: the overdue tasks are still in their first overdue week, the due-tomorrow task is
    // due today; only the day's due-soon digest is new (a digest is per day, the overdue one per week).
    const nextDay = await runReminders(api.database.db, { today: '2025-10-21' });
    assert.equal(nextDay.created, 1);
    assert.equal((await digestKeys()).length, 4);
    // Two days on, "tomorrow" has become overdue: that is new for its unit; the overdue digest of the
    // week has gone out already, so the coordinator above hears of it next week.
    const twoDaysOn = await runReminders(api.database.db, { today: '2025-10-22' });
    const added = (await notificationKeys(api.database.db)).filter((k) => !before.includes(k));
    assert.deepEqual(added, ['baocao', 'dieuphoi.duongkinh'].map((u) => `${u} ${ids.tomorrow} task.overdue`));
    assert.equal(twoDaysOn.created, 3, 'two per-task reminders and the due-soon digest');
    // The overdue reminder comes round once a week, counted from the first overdue day: the other
    // ward's task (due 15/10) starts its second week on 23/10, the task due 10/10 its third on 25/10.
    assert.equal((await runReminders(api.database.db, { today: '2025-10-24' })).created, 2, 'baocao.khac, and the due-soon digest');
    const weekOn = await runReminders(api.database.db, { today: '2025-10-25' });
    const repeats = await api.database.db
      .selectFrom('notifications')
      .select('dedup_key')
      .where('user_id', '=', users.baocao)
      .where('task_id', '=', ids.overdue)
      .orderBy('id')
      .execute();
    assert.deepEqual(repeats.map((r) => r.dedup_key), [`task:${ids.overdue}:overdue:2025-10-10:1`, `task:${ids.overdue}:overdue:2025-10-10:2`]);
    assert.equal(weekOn.created, 3, 'two per-task reminders and the due-soon digest');
    // A new week: one overdue digest counting all three overdue tasks, and nothing twice.
    assert.equal((await runReminders(api.database.db, { today: '2025-10-27' })).created, 1);
    assert.equal((await runReminders(api.database.db, { today: '2025-10-27' })).created, 0);
    const weekly = await api.database.db
      .selectFrom('notifications')
      .select(['title', 'dedup_key'])
      .where('user_id', '=', users.dieuphoi)
      .where('kind', '=', 'task.overdue.digest')
      .orderBy('id')
      .execute();
    assert.deepEqual(weekly, [
      { title: '2 nhiệm vụ quá hạn tại các đơn vị bạn theo dõi', dedup_key: 'digest:overdue:2025-10-20' },
      { title: '3 nhiệm vụ quá hạn tại các đơn vị bạn theo dõi', dedup_key: 'digest:overdue:2025-10-27' },
    ]);
  });

  it('e-mails the notifications of people with an address, one message each, in Vietnamese UTF-8', async () => {
    const db = api.database.db;
    const result = await runReminders(db, { today: TODAY, mailer, publicUrl: 'https://dxpulse.example.vn' });
    assert.equal(result.created, 0);
    assert.equal(result.emailFailed, 0);
    const recipients = inbox.flatMap((m) => m.to).sort();
    assert.deepEqual(recipients, ['baocao@duongkinh.example.vn', 'khac@example.vn', 'phu.trach@example.vn']);
    assert.ok(!recipients.includes('nghi@example.vn'), 'inactive accounts get nothing');

    const personal = parseMail(inbox.find((m) => m.to.includes('phu.trach@example.vn'))!.raw);
    assert.equal(personal.subject, '[DX Pulse] Còn 7 ngày đến hạn: Số hóa hồ sơ thủ tục hành chính');
    assert.match(personal.contentType!, /charset=utf-8/i);
    assert.match(personal.text, /Kính gửi Người thử phutrach,/);
    assert.match(personal.text, /Nhiệm vụ «Số hóa hồ sơ thủ tục hành chính» \(Kế hoạch số 35\/KH-UBND-T\), đơn vị chủ trì Phường Dương Kinh, có hạn hoàn thành ngày 27\/10\/2025/);
    assert.ok(personal.text.includes(`https://dxpulse.example.vn/tasks/${ids.soon}`));

    const digest = parseMail(inbox.find((m) => m.to.includes('baocao@duongkinh.example.vn'))!.raw);
    const mine = await db.selectFrom('notifications').select(['id', 'emailed_at']).where('user_id', '=', users.baocao).execute();
    assert.equal(digest.subject, `[DX Pulse] ${mine.length} nhắc việc về nhiệm vụ`);
    assert.match(digest.text, /Quá hạn 10 ngày: Xây dựng kho dữ liệu dùng chung của phường/);
    assert.ok(mine.every((n) => n.emailed_at !== null));
    const unmailed = await db.selectFrom('notifications').select('id').where('user_id', '=', users.dieuphoi).where('emailed_at', 'is not', null).execute();
    assert.equal(unmailed.length, 0, 'users without an address are not marked e-mailed');

    inbox.length = 0;
    assert.equal((await runReminders(db, { today: TODAY, mailer, publicUrl: 'https://dxpulse.example.vn' })).emailed, 0);
    assert.equal(inbox.length, 0, 'nothing is e-mailed twice');
  });

  it('keeps the in-app notification when the mail server refuses, and sends it on the next run', async () => {
    const db = api.database.db;
    const taskId = await addTask(db, {
      planId: (await db.selectFrom('plans').select('id').where('number', '=', '35/KH-UBND-T').executeTakeFirstOrThrow()).id,
      title: 'Nâng cấp cổng thông tin điện tử',
      leadUnitId: (await unitByCode(db, DUONG_KINH)).id,
      dueDate: '2025-10-21',
      responsibleUserId: users.responsible,
    });
    inbox.length = 0;
    rejecting = true;
    const logged: string[] = [];
    const failed = await runReminders(db, { today: TODAY, mailer, publicUrl: 'https://dxpulse.example.vn', log: (m) => logged.push(m) });
    // baocao, dieuphoi.duongkinh and phutrach; the coordinator above had the day's due-tomorrow digest already.
    assert.equal(failed.created, 3, 'the in-app notifications are created');
    assert.ok(failed.emailFailed >= 2);
    assert.equal(failed.emailed, 0);
    assert.ok(logged.length > 0, 'the failure is logged');
    const pending = await db.selectFrom('notifications').select('id').where('task_id', '=', taskId).where('user_id', '=', users.responsible).where('emailed_at', 'is', null).execute();
    assert.equal(pending.length, 1);

    rejecting = false;
    const retried = await runReminders(db, { today: TODAY, mailer, publicUrl: 'https://dxpulse.example.vn' });
    assert.equal(retried.created, 0);
    assert.equal(retried.emailed, failed.emailFailed);
    const mail = parseMail(inbox.find((m) => m.to.includes('phu.trach@example.vn'))!.raw);
    assert.equal(mail.subject, '[DX Pulse] Đến hạn ngày mai: Nâng cấp cổng thông tin điện tử');
  });
});

describe('reminders of a merged lead unit', () => {
  let api: TestApi;
  after(async () => api?.close());

  it('go to the people of its successor, the nearest open unit above it', async () => {
    api = await startTestApi();
    const db = api.database.db;
    await clearTasks(db);
    const dk = await unitByCode(db, DUONG_KINH);
    const haiAn = await unitByCode(db, HAI_AN);
    await addUser(db, 'baocao.haian', { unitId: haiAn.id, role: 'reporter' });
    const planId = await addPlan(db);
    const taskId = await addTask(db, { planId, title: 'Nhiệm vụ của phường đã sáp nhập', leadUnitId: haiAn.id, dueDate: '2025-10-21' });
    const admin = await api.login('admin', TEST_ADMIN_PASSWORD);
    const merged = await api.call('POST', '/api/v1/org-units/merge', { as: admin, body: { sourceIds: [haiAn.id], targetId: dk.id, effectiveDate: '2025-07-01' } });
    assert.equal(merged.statusCode, 200, merged.body);

    assert.equal((await runReminders(db, { today: TODAY })).created, 2);
    assert.deepEqual(await notificationKeys(db), [`baocao ${taskId} task.due_tomorrow`, 'dieuphoi null task.due_tomorrow.digest']);
    const [n] = await db.selectFrom('notifications').select('body').where('task_id', '=', taskId).execute();
    assert.match(n!.body!, /đơn vị chủ trì Phường Dương Kinh/, 'the successor leads it now');
    assert.equal((await runReminders(db, { today: TODAY })).created, 0);
  });
});

describe('notifications API', () => {
  let api: TestApi;
  let baocao: Session;
  let pheduyet: Session;

  before(async () => {
    api = await startTestApi();
    const db = api.database.db;
    await clearTasks(db);
    const planId = await addPlan(db);
    const dk = await unitByCode(db, DUONG_KINH);
    for (let i = 1; i <= 5; i++) await addTask(db, { planId, title: `Nhiệm vụ số ${i}`, leadUnitId: dk.id, dueDate: `2025-10-0${i}` });
    await runReminders(db, { today: TODAY });
    baocao = await api.login('baocao', DEMO_PASSWORD);
    pheduyet = await api.login('pheduyet', DEMO_PASSWORD);
  });
  after(async () => api?.close());

  it('lists my notifications newest first, by pages, with the unread count', async () => {
    const first = await api.call('GET', '/api/v1/notifications?limit=3', { as: baocao });
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json();
    assert.equal(page1.unreadCount, 5);
    assert.equal(page1.items.length, 3);
    assert.ok(page1.items[0].id > page1.items[1].id);
    assert.match(page1.items[0].title, /^Quá hạn \d+ ngày: Nhiệm vụ số \d$/);
    assert.match(page1.items[0].link, /^\/tasks\/\d+$/);
    const page2 = (await api.call('GET', `/api/v1/notifications?limit=3&cursor=${page1.nextCursor}`, { as: baocao })).json();
    assert.equal(page2.items.length, 2);
    assert.equal(page2.nextCursor, null);
    assert.equal(new Set([...page1.items, ...page2.items].map((n: { id: number }) => n.id)).size, 5);
  });

  it('marks one read, refuses someone else’s, then marks all read', async () => {
    const [n] = (await api.call('GET', '/api/v1/notifications?limit=1', { as: baocao })).json().items;
    const other = await api.call('POST', `/api/v1/notifications/${n.id}/read`, { as: pheduyet });
    assert.equal(other.statusCode, 404);
    assert.match(other.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(other.json().detail, `Không tìm thấy thông báo ${n.id}.`);

    const read = await api.call('POST', `/api/v1/notifications/${n.id}/read`, { as: baocao });
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(read.json().readAt);
    assert.equal(read.json().unreadCount, 4);
    const unread = (await api.call('GET', '/api/v1/notifications?unread=true', { as: baocao })).json();
    assert.equal(unread.items.length, 4);
    assert.ok(!unread.items.some((x: { id: number }) => x.id === n.id));

    const all = await api.call('POST', '/api/v1/notifications/read-all', { as: baocao });
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(all.json(), { updated: 4, unreadCount: 0 });
    assert.equal((await api.call('GET', '/api/v1/notifications', { as: pheduyet })).json().items.length, 0, 'an approver of a department was reminded of nothing');
  });

  it('needs a session, and the CSRF token to write', async () => {
    assert.equal((await api.call('GET', '/api/v1/notifications')).statusCode, 401);
    const noCsrf = await api.call('POST', '/api/v1/notifications/read-all', { as: baocao, headers: { 'x-csrf-token': 'wrong' } });
    assert.equal(noCsrf.statusCode, 403);
  });
});
