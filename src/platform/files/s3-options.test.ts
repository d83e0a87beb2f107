import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config.js';
import { s3OptionsFromEnv } from './s3-options.js';

const minio = {
  S3_ENDPOINT: 'https://minio.kwp.example:9000/',
  S3_BUCKET: 'dzielnicowy-zalaczniki',
  S3_ACCESS_KEY_ID: 'dzielnicowy',
  S3_SECRET_ACCESS_KEY: 'a/B+c=d-0123456789',
  S3_FORCE_PATH_STYLE: 'tak',
};

function configError(env: Record<string, string | undefined>): string {
  try {
    s3OptionsFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  return expect.fail(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('s3OptionsFromEnv', () => {
  it('is null when no S3 variable is set (attachments stay elsewhere)', () => {
    expect(s3OptionsFromEnv({})).toBeNull();
    expect(s3OptionsFromEnv({ S3_BUCKET: '  ', DATABASE_URL: 'postgres://x' })).toBeNull();
  });

  it('reads a MinIO-style configuration, with the defaults filled in', () => {
    expect(s3OptionsFromEnv({ ...minio, S3_PREFIX: '/kwp-radom/zalaczniki', S3_SERVER_SIDE_ENCRYPTION: 'aes256' })).toEqual({
      endpoint: 'https://minio.kwp.example:9000',
      region: 'us-east-1',
      bucket: 'dzielnicowy-zalaczniki',
      accessKeyId: 'dzielnicowy',
      secretAccessKey: 'a/B+c=d-0123456789',
      forcePathStyle: true,
      prefix: 'kwp-radom/zalaczniki/',
      serverSideEncryption: 'AES256',
    });
  });

  it("takes AWS's address from the region when no endpoint is given, virtual-host by default", () => {
    const { S3_ENDPOINT: _, S3_FORCE_PATH_STYLE: __, ...aws } = minio;
    const options = s3OptionsFromEnv({ ...aws, S3_REGION: 'eu-central-1', S3_SERVER_SIDE_ENCRYPTION: 'aws:kms' });
    expect(options).toMatchObject({
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      region: 'eu-central-1',
      forcePathStyle: false,
      prefix: '',
      serverSideEncryption: 'aws:kms',
    });
  });

  it('names a missing variable and the ones that were set, in Polish and English', () => {
    const message = configError({ ...minio, S3_BUCKET: undefined });
    expect(message).toMatch(/^S3_BUCKET: brak wartości \(nazwa kubełka\), a ustawiono S3_ENDPOINT, S3_ACCESS_KEY_ID/);
    expect(message).toMatch(/ \/ missing \(the bucket's name\) while S3_ENDPOINT, S3_ACCESS_KEY_ID/);
    expect(configError({ ...minio, S3_ACCESS_KEY_ID: '' })).toMatch(/^S3_ACCESS_KEY_ID: brak wartości .* missing \(the access key id\)/);
    expect(configError({ ...minio, S3_SECRET_ACCESS_KEY: undefined })).toMatch(/^S3_SECRET_ACCESS_KEY: brak wartości .* missing/);
    expect(configError({ S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' })).toMatch(
      /^S3_ENDPOINT: brak wartości; podaj adres usługi .* \/ missing; give the service address/,
    );
  });

  it('refuses invalid values with a message in both languages', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { S3_ENDPOINT: 'minio:9000' },
        /S3_ENDPOINT="minio:9000": oczekiwano adresu https:\/\/ lub http:\/\/ \/ expected an https:\/\/ or http:\/\/ URL/,
      ],
      [{ S3_ENDPOINT: 'nie adres' }, /S3_ENDPOINT="nie adres": nieprawidłowy adres URL \/ not a valid URL/],
      [{ S3_ENDPOINT: 'https://minio.example/?x=1' }, /nie może zawierać \? ani # \/ the URL cannot hold \? or #/],
      [{ S3_REGION: 'EU Central' }, /S3_REGION="EU Central": oczekiwano nazwy regionu .* \/ expected a region name/],
      [{ S3_BUCKET: 'Załączniki' }, /S3_BUCKET="Załączniki": oczekiwano od 3 do 63 .* \/ expected 3 to 63/],
      [{ S3_BUCKET: 'ab' }, /S3_BUCKET="ab"/],
      [{ S3_BUCKET: '10.0.0.1' }, /S3_BUCKET="10.0.0.1"/],
      [{ S3_ACCESS_KEY_ID: 'key/with/slash' }, /S3_ACCESS_KEY_ID="key\/with\/slash": dozwolone są .* \/ only ASCII/],
      [{ S3_FORCE_PATH_STYLE: 'maybe' }, /S3_FORCE_PATH_STYLE="maybe": oczekiwano true\/false \/ expected true or false/],
      [{ S3_PREFIX: 'a/../b' }, /S3_PREFIX="a\/..\/b": oczekiwano członów .* \/ expected segments/],
      [{ S3_PREFIX: 'spacja w środku' }, /S3_PREFIX=/],
      [
        { S3_SERVER_SIDE_ENCRYPTION: 'rot13' },
        /S3_SERVER_SIDE_ENCRYPTION="rot13": oczekiwano AES256 lub aws:kms \/ expected AES256 or aws:kms/,
      ],
      [
        { S3_ENDPOINT: 'http://10.0.0.5:9000', S3_FORCE_PATH_STYLE: 'false' },
        /adres IP \(10\.0\.0\.5\).*ustaw S3_FORCE_PATH_STYLE=true \/ .*set S3_FORCE_PATH_STYLE=true/,
      ],
      [{ S3_ENDPOINT: 'http://[::1]:9000', S3_FORCE_PATH_STYLE: 'no' }, /adres IP \(::1\)/],
    ];
    for (const [change, expected] of cases) expect(configError({ ...minio, ...change }), JSON.stringify(change)).toMatch(expected);
  });

  it('never repeats a secret in its messages', () => {
    const secret = 'p@ss word-Z3';
    const spaced = configError({ ...minio, S3_SECRET_ACCESS_KEY: secret });
    expect(spaced).toMatch(/^S3_SECRET_ACCESS_KEY: zawiera spację.* \/ contains a space/);
    expect(spaced).not.toContain('p@ss');
    expect(configError({ ...minio, S3_SECRET_ACCESS_KEY: `${minio.S3_SECRET_ACCESS_KEY}\n` })).not.toContain(minio.S3_SECRET_ACCESS_KEY);
    const inUrl = configError({ ...minio, S3_ENDPOINT: 'https://admin:hunter2@minio.example' });
    expect(inUrl).toMatch(/^S3_ENDPOINT: adres zawiera nazwę użytkownika lub hasło/);
    expect(inUrl).not.toContain('hunter2');
  });
});
