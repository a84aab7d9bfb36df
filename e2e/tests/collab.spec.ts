import type { Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// The 杭甬 agreement's mechanisms: liaison contacts, a joint meeting whose decision becomes a joint
// item, and the notice that reaches the other city, beside the liaison pairs and meetings the demo
// already has. The tests build on each other, in this order.
const MEETING = '2026年度杭甬工会联席会议';
const DECISION = '两地联合开展新就业形态劳动者入会集中行动';

/** The id of the demo's agreement in force, asked of the API as the signed-in page (its cookie, its federation). */
async function activeAgreementId(page: Page, tenant: string): Promise<string> {
  const id = await page.evaluate(async (slug) => {
    const input = encodeURIComponent(JSON.stringify({ status: 'active' }));
    const res = await fetch(`/api/trpc/agreement.list?input=${input}`, { headers: { 'X-Tenant': slug } });
    const body = (await res.json()) as { result: { data: { id: string; title: string }[] } };
    return body.result.data.find((a) => a.title.includes('双城记'))?.id;
  }, tenant);
  expect(id, 'the demo data has an active 杭甬 agreement').toBeTruthy();
  return id!;
}

/** Picks an option of the AntD select labelled so, inside scope. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, field: string, option: string) {
  await scope.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test.describe.serial('联络员、联席会议与消息通知', () => {
  test('杭州工作人员填写本方联络人、安排联席会议、记录纪要和决定并转为共建项目', async ({ page }) => {
    await signIn(page, 'officer@hangzhou.demo');
    const id = await activeAgreementId(page, 'hangzhou');

    // ---- liaison: our side only ----
    await page.goto(`/t/hangzhou/agreements/${id}/liaison`);
    // the demo already has the four liaison levels; this one is added beside them
    await page.getByRole('button', { name: '新增联络对口' }).click();
    const create = page.getByRole('dialog', { name: '新增联络对口' });
    await expect(create.getByText('您只能填写本方（杭州市总工会）的联系人')).toBeVisible();
    await create.getByLabel('部门 / 单位').fill('权益保障部');
    await create.getByLabel('联系人').fill('王芳');
    await create.getByLabel('职务').fill('部长');
    await create.getByLabel('电话').fill('12345');
    await create.getByLabel('电子邮箱').fill('wangfang@hangzhou.demo');
    await create.getByRole('button', { name: label('保存') }).click();
    await expect(create.getByText('电话号码格式不正确')).toBeVisible();
    await create.getByLabel('电话').fill('0571-87654321');
    await create.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已新增联络对口')).toBeVisible();

    const pair = page.getByTestId('liaison-pair').filter({ hasText: '权益保障部' });
    await expect(pair.getByTestId('liaison-side-hangzhou')).toContainText('0571-87654321');
    await expect(pair.getByTestId('liaison-side-ningbo')).toContainText('待宁波市总工会填写');
    // only our own side is offered for editing
    await expect(pair.getByRole('button', { name: '编辑本方' })).toHaveCount(1);
    await pair.getByRole('button', { name: '编辑本方' }).click();
    const edit = page.getByRole('dialog', { name: '编辑本方联系人' });
    await expect(edit.getByLabel('联系人')).toHaveValue('王芳');
    await edit.getByLabel('电话').fill('13905710001');
    await edit.getByRole('button', { name: label('保存') }).click();
    await expect(edit).toBeHidden();
    await expect(pair.getByTestId('liaison-side-hangzhou')).toContainText('13905710001');
    await expect(pair.getByTestId('liaison-side-hangzhou')).not.toContainText('0571-87654321');
    await page.screenshot({ path: artifact('desktop-liaison'), fullPage: true });

    // ---- a joint meeting: the rotation proposes the host ----
    await page.goto(`/t/hangzhou/agreements/${id}/meetings`);
    // the demo already has a held and a planned meeting; the rotation comes back to Hangzhou
    await page.getByRole('button', { name: '安排会议' }).click();
    const schedule = page.getByRole('dialog', { name: '安排联席会议' });
    const date = schedule.getByLabel('会议日期');
    await date.click();
    await date.fill('2026-06-18');
    await date.press('Enter');
    // the first meeting of the agreement: the initiator's turn
    await expect(schedule.getByText('按轮流承办，本次应由杭州市总工会承办')).toBeVisible();
    await schedule.getByLabel('会议名称').fill(MEETING);
    await schedule.getByLabel('地点').fill('杭州市总工会三楼会议室');
    await schedule.getByLabel('会议议程').fill('一、通报年度工作清单推进情况\n二、研究新就业形态劳动者入会工作');
    await schedule.getByRole('button', { name: '添加参会人员' }).click();
    await schedule.getByLabel('姓名').nth(0).fill('王芳');
    await schedule.getByLabel('职务').nth(0).fill('常务副主席');
    await schedule.getByRole('button', { name: '添加参会人员' }).click();
    await schedule.getByLabel('姓名').nth(1).fill('李强');
    await schedule.getByLabel('所属工会').nth(1).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '宁波市总工会' }).click();
    await page.screenshot({ path: artifact('desktop-meeting-schedule') });
    await schedule.getByRole('button', { name: label('保存') }).click();

    await expect(page).toHaveURL(new RegExp(`/t/hangzhou/agreements/${id}/meetings/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
    await expect(page.getByText('2026年6月18日')).toBeVisible();
    await expect(page.getByTestId('agenda')).toContainText('研究新就业形态劳动者入会工作');
    await expect(page.getByText('王芳（常务副主席）')).toBeVisible();
    await expect(page.getByText('李强')).toBeVisible();

    // ---- minutes, a decision, and the decision as a joint item ----
    await page.getByRole('button', { name: '编辑纪要' }).click();
    await page.getByLabel('会议纪要').fill('会议听取了两地工会年度合作情况汇报，研究了新就业形态劳动者入会工作。');
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('会议纪要已保存')).toBeVisible();
    await expect(page.getByTestId('minutes')).toContainText('研究了新就业形态劳动者入会工作');

    await page.getByLabel('记录决定').fill(DECISION);
    await page.getByRole('button', { name: '记录决定' }).click();
    const decision = page.getByTestId('decision');
    await expect(decision).toContainText(DECISION);
    await expect(decision).toContainText('杭州市总工会记录');

    await decision.getByRole('button', { name: '转为共建项目' }).click();
    const convert = page.getByRole('dialog', { name: '将决定转为共建项目' });
    await expect(convert.getByLabel('项目名称')).toHaveValue(DECISION);
    await choose(page, convert, '项目类别', '权益共同维护');
    await convert.getByRole('button', { name: '转为共建项目' }).click();
    await expect(convert.getByText(`已创建共建项目“${DECISION}”`)).toBeVisible();
    const created = convert.getByTestId('joint-item');
    await expect(created).toContainText('权益共同维护');
    await expect(created).toContainText('杭州市总工会');
    await expect(created).toContainText('2026年6月18日 – 2029年5月31日');
    await expect(created).toContainText('未启动');
    await page.screenshot({ path: artifact('desktop-decision-to-item') });
    // the footer's button (the corner × is labelled the same, without text)
    await convert.getByRole('button').filter({ hasText: label('关闭') }).click();

    await expect(decision.getByText('已转为共建项目')).toBeVisible();
    await expect(decision.getByRole('button', { name: '转为共建项目' })).toHaveCount(0);
    await expect(decision.getByTestId('joint-item')).toContainText('权益共同维护');
    await page.getByRole('button', { name: '标记为已召开' }).click();
    await expect(page.getByText('已标记为已召开')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-meeting'), fullPage: true });

    await page.getByRole('link', { name: '返回会议列表' }).click();
    await expect(page.getByTestId('meeting-row').filter({ hasText: MEETING })).toContainText('1 项决定');
    await page.screenshot({ path: artifact('desktop-meetings') });
  });

  test('宁波工作人员看到铃铛上的未读数，点开通知直达会议，再全部标为已读', async ({ page }) => {
    await signIn(page, 'officer@ningbo.demo');
    const bell = page.getByTestId('notification-bell');
    // the bell counts unread notices (and, for staff with something to do, the to-dos: it then opens the home)
    const unreadOf = async () => {
      const label = (await bell.getAttribute('aria-label'))!;
      return Number((/未读消息 (\d+) 条/.exec(label) ?? /(\d+) 条未读/.exec(label))?.[1] ?? 0);
    };
    await expect(bell).toHaveAttribute('aria-label', /未读/);
    const unread = await unreadOf();
    expect(unread).toBeGreaterThanOrEqual(1);

    await page.goto('/t/ningbo/notifications');
    const notice = page.getByTestId('notice').filter({ hasText: `联席会议安排：${MEETING}` });
    await expect(notice).toHaveAttribute('data-unread', 'true');
    await expect(notice).toContainText('杭州市总工会安排了');
    // the host follows the rotation over the agreement's meetings, the demo's included
    await expect(notice).toContainText(/由(杭州|宁波)市总工会承办/);
    await page.screenshot({ path: artifact('desktop-notifications') });

    await notice.click();
    await expect(page).toHaveURL(/\/t\/ningbo\/agreements\/[0-9a-f-]{36}\/meetings\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
    await expect(page.getByTestId('decision')).toContainText(DECISION);
    await expect(page.getByTestId('decision').getByTestId('joint-item')).toContainText('权益共同维护');
    // opening it read it
    await expect.poll(unreadOf).toBe(unread - 1);

    // the liaison page: Hangzhou's contact is there to call, our own side is ours to fill in
    const agreementPath = new URL(page.url()).pathname.replace(/\/meetings\/.*$/, '');
    await page.goto(`${agreementPath}/liaison`);
    const pair = page.getByTestId('liaison-pair').filter({ hasText: '权益保障部' });
    await expect(pair.getByTestId('liaison-side-hangzhou')).toContainText('王芳');
    await expect(pair.getByRole('button', { name: '编辑本方' })).toHaveCount(1);

    await page.goto('/t/ningbo/notifications');
    await expect(notice).toHaveAttribute('data-unread', 'false');
    // with only the meeting notice unread, opening it left nothing for "mark all read" to do
    if (unread > 1) {
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await expect(page.getByText('已全部标为已读')).toBeVisible();
    }
    await expect.poll(unreadOf).toBe(0);
    await expect(page.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
    await page.getByText('未读 (0)').click();
    await expect(page.getByText('没有未读通知')).toBeVisible();
    await expect(page).toHaveURL(/filter=unread/);
  });

  test.describe('手机屏幕 375×812', () => {
    test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

    test('会议、联络员和通知中心在手机上不横向溢出', async ({ page }) => {
      await signIn(page, 'officer@ningbo.demo');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact('phone-header-bell') });
      const id = await activeAgreementId(page, 'ningbo');

      await page.goto(`/t/ningbo/agreements/${id}/meetings`);
      await page.getByTestId('meeting-row').filter({ hasText: MEETING }).click();
      await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
      await expect(page.getByTestId('decision').getByTestId('joint-item')).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact('phone-meeting'), fullPage: true });

      await page.goto(`/t/ningbo/agreements/${id}/meetings`);
      await page.getByRole('button', { name: '安排会议' }).click();
      const schedule = page.getByRole('dialog', { name: '安排联席会议' });
      const date = schedule.getByLabel('会议日期');
      await date.click();
      await date.fill('2026-12-10');
      await date.press('Enter');
      await schedule.getByRole('button', { name: '添加参会人员' }).click();
      // the rotation names whose turn it is (the demo's meetings and the one just held count)
      await expect(schedule.getByText(/按轮流承办，本次应由(杭州|宁波)市总工会承办/)).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact('phone-meeting-schedule') });
      await schedule.getByRole('button', { name: label('取消') }).click();

      await page.goto(`/t/ningbo/agreements/${id}/liaison`);
      await expect(page.getByTestId('liaison-pair').filter({ hasText: '权益保障部' })).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact('phone-liaison'), fullPage: true });

      await page.goto('/t/ningbo/notifications');
      await expect(page.getByTestId('notice').first()).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifact('phone-notifications'), fullPage: true });
    });
  });
});
