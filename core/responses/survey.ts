import { z } from 'zod';

export const MAX_SURVEY_QUESTIONS = 10;

export const surveyQuestionSchema = z.object({
  text: z.string().trim().min(1, 'a question needs text').max(500),
  /** Offered answers; none means a free-text answer. */
  choices: z.array(z.string().trim().min(1).max(100)).min(2, 'offer at least two choices, or none for a free answer').max(10).optional(),
});

/** A short survey the bot runs as a dialog in each recipient's chat, one question at a time. */
export const surveySchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200),
  intro: z.string().trim().max(1000).default(''),
  questions: z.array(surveyQuestionSchema).min(1, 'a survey needs a question').max(MAX_SURVEY_QUESTIONS),
});

export type Survey = z.infer<typeof surveySchema>;
export type SurveyInput = z.input<typeof surveySchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

/** The question as a chat message: "Question 2 of 3", the text, and numbered choices. */
export function questionText(survey: Survey, index: number): string {
  const question = survey.questions[index]!;
  const lines = [`**Question ${index + 1} of ${survey.questions.length}** — ${question.text}`];
  if (question.choices) {
    question.choices.forEach((choice, i) => lines.push(`${i + 1}. ${choice}`));
    lines.push('Reply with the number or the text of your answer.');
  } else {
    lines.push('Reply with your answer.');
  }
  return lines.join('\n');
}

/** The first question as an Adaptive Card: what the engine delivers proactively to every recipient. */
export function surveyCard(survey: Survey): Record<string, unknown> {
  const question = survey.questions[0]!;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: survey.title, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      ...(survey.intro ? [{ type: 'TextBlock', text: survey.intro, wrap: true }] : []),
      { type: 'TextBlock', text: `Question 1 of ${survey.questions.length}`, isSubtle: true, size: 'Small', spacing: 'Medium' },
      { type: 'TextBlock', text: question.text, weight: 'Bolder', wrap: true },
      ...(question.choices ?? []).map((choice, i) => ({ type: 'TextBlock', text: `${i + 1}. ${choice}`, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: question.choices ? 'Reply in this chat with the number or the text of your answer.' : 'Reply in this chat with your answer.', isSubtle: true, wrap: true },
    ],
  };
}

/**
 * Reads a reply as an answer: for a choice question, the option's number or its text (any case); for a free
 * question, any non-empty text. Undefined when the reply does not answer the question.
 */
export function parseAnswer(question: SurveyQuestion, reply: string): string | undefined {
  const text = reply.trim();
  if (!text) return undefined;
  if (!question.choices) return text.slice(0, 2000);
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (number >= 1 && number <= question.choices.length) return question.choices[number - 1];
  return question.choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
}
