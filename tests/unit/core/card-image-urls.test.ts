import { allowLoopbackImages, cardContentSchema } from '../../../core/cards/card-content';

describe('card image addresses depend on the run mode', () => {
  const parse = (imageUrl: string) => cardContentSchema.safeParse({ title: 'Picture', imageUrl });
  afterEach(() => allowLoopbackImages(false));

  it.each(['http://127.0.0.1:3978/images/a.png', 'http://localhost:3978/images/a.png', 'http://[::1]:3978/images/a.png'])(
    'when Herald runs against a real tenant, then a loopback image (%s) is refused',
    (url) => {
      const parsed = parse(url);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('must start with https://');
    },
  );

  it('when Herald runs in local mode, then its own loopback image addresses are accepted, and other http ones still not', () => {
    allowLoopbackImages(true);
    expect(parse('http://127.0.0.1:3978/images/a.png').success).toBe(true);
    expect(parse('http://localhost/images/a.png').success).toBe(true);
    expect(parse('http://intranet.contoso.example/a.png').success).toBe(false);
  });

  it('in either mode, an https image is accepted', () => {
    expect(parse('https://contoso.example/a.png').success).toBe(true);
    allowLoopbackImages(true);
    expect(parse('https://contoso.example/a.png').success).toBe(true);
  });
});
