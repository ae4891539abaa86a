// eslint-disable-next-line @typescript-eslint/no-require-imports
const serializer = require('./asset-hash-serializer');

describe('asset hash serializer', () => {
  const hash = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);

  test('replaces asset hashes, keeping the file extension', () => {
    const print = (v: unknown) => JSON.stringify(v);
    expect(serializer.test(`${hash}.zip`)).toBe(true);
    expect(serializer.serialize(`cdk-assets/${hash}.zip`, {}, '', 0, [], print)).toBe('"cdk-assets/[ASSET-HASH].zip"');
  });

  test('leaves other strings alone, repeatedly', () => {
    expect(serializer.test('OrdersApiA821092D')).toBe(false);
    expect(serializer.test(hash)).toBe(true);
    expect(serializer.test(hash)).toBe(true);
  });
});
