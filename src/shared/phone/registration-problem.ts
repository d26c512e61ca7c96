import { z } from 'zod';

/**
 * Why the phone is not registered, as a code and its details, so each window words it in its own
 * language; main keeps an English sentence of the same for the log.
 */
export const registrationProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('account-missing'), params: z.object({ fields: z.array(z.enum(['serverUrl', 'sipUri', 'password'])) }) }),
  z.object({ code: z.literal('bad-sip-address'), params: z.object({ address: z.string() }) }),
  z.object({ code: z.literal('bad-certificate'), params: z.object({ detail: z.string() }) }),
  z.object({ code: z.literal('unreachable'), params: z.object({ server: z.string() }) }),
  z.object({ code: z.enum(['tls-untrusted', 'tls-expired', 'tls-wrong-name']), params: z.object({ server: z.string(), detail: z.string() }) }),
  z.object({ code: z.enum(['auth-refused', 'server-refused']), params: z.object({ status: z.string() }) }),
  z.object({ code: z.literal('registration-failed'), params: z.object({ detail: z.string() }) }),
  z.object({ code: z.enum(['connection-lost', 'registration-ended']), params: z.object({}) }),
]);
export type RegistrationProblem = z.infer<typeof registrationProblemSchema>;
export type TlsProblem = Extract<RegistrationProblem, { code: 'tls-untrusted' | 'tls-expired' | 'tls-wrong-name' }>;

const FIELD_NAMES = { serverUrl: 'the server URL', sipUri: 'the SIP address', password: 'the password' } as const;

/** The problem in English, for the log (and anything that reads the log). */
export function registrationReasonInEnglish(problem: RegistrationProblem): string {
  switch (problem.code) {
    case 'account-missing':
      return `Enter ${new Intl.ListFormat('en', { type: 'conjunction' }).format(problem.params.fields.map((f) => FIELD_NAMES[f]))} in Settings`;
    case 'bad-sip-address':
      return `“${problem.params.address}” is not a SIP address`;
    case 'bad-certificate':
      return `The PBX certificate cannot be read (${problem.params.detail}): paste the whole PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.`;
    case 'unreachable':
      return `Cannot reach the server ${problem.params.server}`;
    case 'tls-untrusted':
      return `Cannot connect securely to ${problem.params.server}: the server's certificate is not from a trusted authority (${problem.params.detail}). If the office runs its own CA, paste it under Settings → PBX certificate.`;
    case 'tls-expired':
      return `Cannot connect securely to ${problem.params.server}: the server's certificate is not valid now (${problem.params.detail}).`;
    case 'tls-wrong-name':
      return `Cannot connect securely to ${problem.params.server}: the server's certificate is for another name than the server's address (${problem.params.detail}).`;
    case 'auth-refused':
      return `${problem.params.status}: the server refused the user name or password`;
    case 'server-refused':
      return problem.params.status;
    case 'registration-failed':
      return `Registration failed: ${problem.params.detail}`;
    case 'connection-lost':
      return 'Connection to the server was lost';
    case 'registration-ended':
      return 'The server ended the registration';
  }
}
