import { count } from '../../../cli/plural';

describe('counts in the command line', () => {
  it.each([
    [0, 'card', undefined, '0 cards'],
    [1, 'card', undefined, '1 card'],
    [1200, 'failed recipient', undefined, '1,200 failed recipients'],
    [2, 'person', 'people', '2 people'],
  ])('%s %s', (n, one, many, text) => {
    expect(count(n, one, many)).toBe(text);
  });
});
