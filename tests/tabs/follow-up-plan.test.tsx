import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { FollowUpPlanInput, FollowUpViewBody } from '../../api/contract/notifications';
import { ApiProvider } from '../../tabs/src/api/api-provider';
import { ApiError, type ApiClient } from '../../tabs/src/api/api-client';
import { FollowUpPlan } from '../../tabs/src/components/FollowUpPlan/FollowUpPlan';

const NONE: FollowUpViewBody = { plan: null, roundsDone: 0, summarySentAt: null, expiredAt: null, nextAt: null, rounds: [] };

function renderPlan(notificationId: string | undefined, answer: (plan: FollowUpPlanInput) => Promise<FollowUpViewBody>, loaded: FollowUpViewBody = NONE) {
  const saved: FollowUpPlanInput[] = [];
  const api = {
    followUps: async () => loaded,
    setFollowUps: async (_id: string, plan: FollowUpPlanInput) => {
      saved.push(plan);
      return answer(plan);
    },
  } as unknown as ApiClient;
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider client={api}>
        <FollowUpPlan notificationId={notificationId} />
      </ApiProvider>
    </FluentProvider>,
  );
  return saved;
}

describe('the follow-up plan beside the send panel', () => {
  it('when the draft is not saved yet, then it says to save it first', () => {
    renderPlan(undefined, async () => NONE);
    expect(screen.getByText('Save the draft first to add follow-ups.')).toBeTruthy();
  });

  it('when the sender asks for reminders every 24 hours at most twice with a deadline, then that plan is saved', async () => {
    const user = userEvent.setup();
    const saved = renderPlan('n1', async (plan) => ({ ...NONE, plan: { acknowledgeBy: plan.acknowledgeBy ?? null, reminders: plan.reminders as never, expiresAt: null, onExpiry: 'update' } }));
    await user.type(screen.getByLabelText('Acknowledge by: Date'), '2030-05-14');
    await user.type(screen.getByLabelText('Acknowledge by: Time'), '17:00');
    await user.click(screen.getByLabelText('Send reminders'));
    await user.click(screen.getByRole('button', { name: 'Save follow-ups' }));
    expect(await screen.findByText('Follow-ups saved.')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.reminders).toEqual({ everyHours: 24, times: 2, to: 'unacknowledged', activityFeed: false });
    expect(saved[0]!.acknowledgeBy).toMatch(/^2030-05-14T/);
  });

  it('when the server refuses K = 0, then its sentence shows and the field says why', async () => {
    const user = userEvent.setup();
    renderPlan('n2', async () => {
      throw new ApiError(400, 'validation_failed', 'The follow-up plan is not valid: Send at least one reminder, or turn reminders off.', { 'reminders.times': 'Send at least one reminder, or turn reminders off.' });
    });
    await user.click(screen.getByLabelText('Send reminders'));
    const times = screen.getByLabelText('At most (reminders)');
    await user.clear(times);
    await user.type(times, '0');
    await user.click(screen.getByRole('button', { name: 'Save follow-ups' }));
    expect(await screen.findByText('The follow-up plan is not valid: Send at least one reminder, or turn reminders off.')).toBeTruthy();
    expect(screen.getByText('Send at least one reminder, or turn reminders off.')).toBeTruthy();
  });

  it('when a plan was saved before, then the form shows it and how many rounds went out', async () => {
    await act(async () => {
      renderPlan('n3', async () => NONE, { ...NONE, plan: { acknowledgeBy: null, reminders: { everyHours: 6, times: 3, to: 'unseen', activityFeed: true }, expiresAt: null, onExpiry: 'update' }, roundsDone: 1 });
    });
    expect(await screen.findByText('1 reminder round sent')).toBeTruthy();
    expect((screen.getByLabelText('Remind after (hours)') as HTMLInputElement).value).toBe('6');
    expect((screen.getByLabelText('Also in their Teams activity feed (where your organisation allows it)') as HTMLInputElement).checked).toBe(true);
  });
});
