/**
 * Reads the body of Addigy V1 `GET /devices` as a stream. The body is the whole fleet as one
 * JSON array of about 5 KB per device, some 500 MB for 100,000 devices. That is close to V8's
 * maximum string length of 2^29 - 24 characters (`buffer.constants.MAX_STRING_LENGTH` in
 * Node 20). Each element is validated and reduced to a `DeviceRecord` as soon as its closing
 * brace arrives, and the parser then drops it, so only one element is ever held whole and the
 * body never exists as one string.
 */
import { JSONParser, TokenType } from '@streamparser/json';
import { AddigyError } from './errors';
import { createV1DeviceReducer } from './normalize';
import { v1DeviceSchema, type V1Device } from './schemas';
import type { DeviceRecord } from './types';
import { describeIssue } from './validation';

/** A bound on a fleet that no MSP reaches, so a response that never ends is stopped. */
const MAX_V1_DEVICES = 500_000;
export const V1_DEVICES_ENDPOINT = 'GET /devices';

/** The JSON type that each token can start, as zod names it in its messages. */
const TYPE_STARTED_BY: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACE]: 'object',
  [TokenType.STRING]: 'string',
  [TokenType.NUMBER]: 'number',
  [TokenType.TRUE]: 'boolean',
  [TokenType.FALSE]: 'boolean',
  [TokenType.NULL]: 'null',
};

/**
 * Reads a successful V1 `GET /devices` response into device records, in the order Addigy sent
 * them. Fits `sendRequest`'s `consume`: it calls `keepAlive` for each chunk, and throws an
 * `invalid-response` `AddigyError` when the body is not a JSON array, ends early, or contains an
 * invalid element. A failed read of the body is thrown as it is, for `sendRequest` to map.
 */
export async function streamV1Devices(
  response: Response,
  keepAlive: () => void,
): Promise<DeviceRecord[]> {
  const devices: DeviceRecord[] = [];
  const reduce = createV1DeviceReducer();
  await streamJsonArray(response, V1_DEVICES_ENDPOINT, keepAlive, (element, index) => {
    if (index >= MAX_V1_DEVICES) {
      throw new AddigyError(
        'invalid-response',
        `Addigy sent more than ${MAX_V1_DEVICES.toLocaleString('en-US')} devices from ${V1_DEVICES_ENDPOINT}, more than any tenant should have, so the sync stopped. Check the API URL; if it is right, switch to API V2.`,
        V1_DEVICES_ENDPOINT,
        response.status,
      );
    }
    devices.push(reduce(validateDevice(element, index, response.status)));
  });
  return devices;
}

/**
 * Calls `onElement` with each element of the JSON array in the body, as soon as the element is
 * complete. An error that `onElement` throws stops the read and is thrown as it is.
 */
async function streamJsonArray(
  response: Response,
  endpoint: string,
  keepAlive: () => void,
  onElement: (element: unknown, index: number) => void,
): Promise<void> {
  // keepStack: false makes the parser delete each element from the array once it is emitted.
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let firstToken: TokenType | undefined;
  let elementCount = 0;
  let bytesRead = 0;
  let elementError: unknown;

  parser.onToken = ({ token }) => {
    if (firstToken !== undefined) return;
    firstToken = token;
    const type = TYPE_STARTED_BY[token];
    if (type !== undefined) throw notArrayError(endpoint, type, response.status);
  };
  parser.onValue = ({ value }) => {
    try {
      onElement(value, elementCount++);
    } catch (error) {
      elementError = error;
      throw error;
    }
  };
  // The parser rethrows what the callbacks throw. Anything else it throws is its own JSON error.
  const parse = (step: () => void, onJsonError: () => AddigyError) => {
    try {
      step();
    } catch (error) {
      if (error instanceof AddigyError || error === elementError) throw error;
      throw onJsonError();
    }
  };

  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const };
      if (chunk.done) break;
      keepAlive();
      bytesRead += chunk.value.byteLength;
      parse(
        () => parser.write(chunk.value),
        () => invalidJsonError(endpoint, `invalid within the first ${bytesRead} bytes`, response),
      );
    }
    // The parser ends by itself after the array's closing bracket. Ending it here also emits a
    // number that was still open, such as a whole body of "42".
    if (!parser.isEnded) {
      parse(
        () => parser.end(),
        () => invalidJsonError(endpoint, `ended early, after ${bytesRead} bytes`, response),
      );
    }
    if (firstToken === undefined) throw emptyBodyError(endpoint, response.status);
  } catch (error) {
    // Stops the download, which would otherwise go on after a failure.
    reader?.cancel().catch(() => undefined);
    throw error;
  }
}

/**
 * Validates one element of the devices array. The error names the endpoint, the element index
 * and the field, in the words `validate()` uses for a whole body, and never the value.
 */
function validateDevice(element: unknown, index: number, status: number): V1Device {
  const parsed = v1DeviceSchema.safeParse(element);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const problem = issue
    ? describeIssue({ ...issue, path: [index, ...issue.path] })
    : `element [${index}]: unknown problem`;
  throw new AddigyError(
    'invalid-response',
    `Addigy sent an unexpected response from ${V1_DEVICES_ENDPOINT}: ${problem}. Check the API URL; if it is right, Addigy may have changed its API.`,
    V1_DEVICES_ENDPOINT,
    status,
  );
}

function notArrayError(endpoint: string, type: string, status: number): AddigyError {
  return new AddigyError(
    'invalid-response',
    `Addigy sent an unexpected response from ${endpoint}: field (the whole body): Invalid input: expected array, received ${type}. Check the API URL; if it is right, Addigy may have changed its API.`,
    endpoint,
    status,
  );
}

function invalidJsonError(endpoint: string, detail: string, response: Response): AddigyError {
  return new AddigyError(
    'invalid-response',
    `Addigy sent a response that is not valid JSON from ${endpoint} (${detail}). Try again; if it persists, check the API URL.`,
    endpoint,
    response.status,
  );
}

function emptyBodyError(endpoint: string, status: number): AddigyError {
  return new AddigyError(
    'invalid-response',
    `Addigy sent an empty response from ${endpoint} where a JSON array was expected. Try again; if it persists, check the API URL.`,
    endpoint,
    status,
  );
}
