/**
 * The NIK pseudonymisation key: from Secrets Manager on AWS (read once per cold start and kept for
 * the life of the execution environment), from configuration on the local stack.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { IngestConfig } from './config.ts';
import { nikPseudonymiser } from './nik.ts';

export async function loadNikKey(
  source: IngestConfig['nikKey'],
  secrets: () => SecretsManagerClient,
): Promise<string> {
  if ('value' in source) return source.value;
  const out = await secrets().send(new GetSecretValueCommand({ SecretId: source.secretArn }));
  if (typeof out.SecretString !== 'string' || out.SecretString === '') {
    throw new Error('the NIK key secret has no string value');
  }
  return out.SecretString;
}

/** The pseudonymiser bound to the configured key; the key is checked (length) before first use. */
export async function loadNikPseudonymiser(
  source: IngestConfig['nikKey'],
  secrets: () => SecretsManagerClient,
): Promise<(nik: string) => string> {
  return nikPseudonymiser(await loadNikKey(source, secrets));
}
