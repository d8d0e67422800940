// One JSON line on stdout per check: what was called, what was expected of the answer, whether it held, and the
// answer itself (status and an excerpt of the body), so a failing test names the operation and what came back.
// The Java side (OutsideClients) reads these lines; anything else the clients print goes to stderr.

const EXCERPT = 600;

/** A check whose answer came back but was not what the client expects; carries that answer. */
export class Unexpected extends Error {
  constructor(message, status, answer) {
    super(message);
    this.status = status;
    this.answer = answer;
  }
}

/** Throws {@link Unexpected} unless the condition holds. */
export function expect(condition, message, status, answer) {
  if (!condition) {
    throw new Unexpected(message, status, answer);
  }
}

/** The value, or a failure saying which earlier check did not give it. */
export function needs(value, what) {
  if (value === undefined || value === null) {
    throw new Unexpected(`not run: ${what}`, null, null);
  }
  return value;
}

export function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/**
 * Runs one check. {@code call} answers {@code {status, answer, facts, value}}: {@code facts} go into the report
 * for the Java side to compare with the sandbox's store, {@code value} is handed back to later checks. A throw is
 * a failure; its status and body are read from whatever the client threw.
 */
export async function check(operation, expectation, call) {
  try {
    const outcome = (await call()) ?? {};
    report({ operation, expectation, ok: true, status: outcome.status ?? null, answer: excerpt(outcome.answer),
      facts: outcome.facts ?? {} });
    return outcome.value;
  } catch (failure) {
    const { status, answer } = describe(failure);
    report({ operation, expectation, ok: false, status, answer: excerpt(answer), facts: {} });
    return undefined;
  }
}

/** Polls until {@code done} holds for the answer, or the tries run out; answers the last answer. */
export async function poll(call, done, tries = 40, pauseMillis = 250) {
  let last;
  for (let attempt = 0; attempt < tries; attempt++) {
    last = await call();
    if (done(last)) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMillis));
  }
  return last;
}

function describe(failure) {
  if (failure instanceof Unexpected) {
    return { status: failure.status, answer: `${failure.message}${failure.answer == null ? '' : ' | answer: '
      + text(failure.answer)}` };
  }
  // axios (klaviyo-api) puts the answer on response.status/data, got (netsuite-rest) on response.statusCode/body.
  const response = failure?.response;
  if (response) {
    return { status: response.status ?? response.statusCode ?? null,
      answer: text(response.data ?? response.body ?? '') };
  }
  return { status: null, answer: `${failure?.name ?? 'Error'}: ${failure?.message ?? failure}` };
}

function text(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function excerpt(value) {
  if (value === undefined || value === null) {
    return '';
  }
  const whole = text(value);
  return whole.length > EXCERPT ? `${whole.slice(0, EXCERPT)}…` : whole;
}

function report(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
