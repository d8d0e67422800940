// The npm clients netsuite-rest and oauth-1.0a, unmodified, against the local NetSuite: SuiteQL paged past 1,000
// rows by following the answer's next links, a customer record read and patched, NetSuite's 404 and 400 errors, and
// one request signed with a wrong token secret (401). netsuite-rest takes the server through its documented
// base_url option; everything else (TBA with HMAC-SHA256, the realm, Prefer: transient) is the package's own doing.
import NetsuiteRest from 'netsuite-rest';
import OAuth from 'oauth-1.0a';
import crypto from 'node:crypto';
import { check, env, expect, needs, Unexpected } from './checks.mjs';

const baseUrl = env('NETSUITE_BASE_URL');
const realm = env('NETSUITE_ACCOUNT_ID');
const credentials = {
  consumer_key: env('NETSUITE_CONSUMER_KEY'),
  consumer_secret_key: env('NETSUITE_CONSUMER_SECRET'),
  token: env('NETSUITE_TOKEN_ID'),
  token_secret: env('NETSUITE_TOKEN_SECRET'),
  realm,
  base_url: baseUrl,
};
const pagedTable = env('NETSUITE_PAGED_TABLE');
const customerId = env('NETSUITE_CUSTOMER_ID');
const missingCustomerId = env('NETSUITE_MISSING_CUSTOMER_ID');
const api = new NetsuiteRest(credentials);
const REST = `${baseUrl}/services/rest/`;

function suiteQl(path, q) {
  return api.request({ path, method: 'POST', body: JSON.stringify({ q }) });
}

/** netsuite-rest takes a path under /services/rest/; a next link is a whole URL on the same server. */
function pathOf(href) {
  expect(href.startsWith(REST), `the next link ${href} is not under ${REST}`, null, href);
  return href.slice(REST.length);
}

function errorCode(body) {
  try {
    return JSON.parse(body)['o:errorDetails'][0]['o:errorCode'];
  } catch {
    return undefined;
  }
}

await check('netsuite-rest POST query/v1/suiteql', `reads every row of ${pagedTable} by following next links`,
  async () => {
    const keys = new Set();
    let path = 'query/v1/suiteql?limit=1000';
    let first;
    let pages = 0;
    let last;
    while (path) {
      last = await suiteQl(path, `SELECT transaction, id FROM ${pagedTable} ORDER BY transaction, id`);
      const page = last.data;
      first ??= page;
      pages++;
      expect(page.count === page.items.length, `count ${page.count} but ${page.items.length} items`, last.statusCode,
        { ...page, items: page.items.length });
      expect(page.totalResults === first.totalResults, 'totalResults changed between pages', last.statusCode,
        { ...page, items: page.items.length });
      page.items.forEach((item) => keys.add(`${item.transaction}/${item.id}`));
      const next = page.links.find((link) => link.rel === 'next');
      expect(page.hasMore === (next !== undefined), `hasMore is ${page.hasMore} but next link is ${next?.href}`,
        last.statusCode, page.links);
      path = next ? pathOf(next.href) : null;
    }
    expect(keys.size === first.totalResults, `read ${keys.size} distinct rows in ${pages} pages, totalResults says `
      + first.totalResults, last.statusCode, { totalResults: first.totalResults });
    return { status: last.statusCode, answer: { pages, rows: keys.size, totalResults: first.totalResults },
      facts: { rows: keys.size, pages } };
  });

await check('oauth-1.0a POST <next link>', 'signs the next link exactly as the server wrote it (query included)',
  async () => {
    const query = `SELECT transaction, id FROM ${pagedTable} ORDER BY transaction, id`;
    const first = await suiteQl('query/v1/suiteql?limit=1000', query);
    const href = needs(first.data.links.find((link) => link.rel === 'next')?.href, 'the first page had no next link');
    const oauth = OAuth({
      consumer: { key: credentials.consumer_key, secret: credentials.consumer_secret_key },
      realm,
      signature_method: 'HMAC-SHA256',
      hash_function: (base, key) => crypto.createHmac('sha256', key).update(base).digest('base64'),
    });
    const signed = oauth.toHeader(oauth.authorize({ url: href, method: 'POST' },
      { key: credentials.token, secret: credentials.token_secret }));
    const response = await fetch(href, { method: 'POST', body: JSON.stringify({ q: query }),
      headers: { ...signed, Prefer: 'transient', 'Content-Type': 'application/json' } });
    const body = await response.text();
    expect(response.status === 200, 'the next page was refused', response.status, body);
    const page = JSON.parse(body);
    expect(page.offset === first.data.count, `offset ${page.offset} after a first page of ${first.data.count}`,
      response.status, { ...page, items: page.items.length });
    return { status: response.status, answer: { offset: page.offset, count: page.count } };
  });

const record = await check('netsuite-rest GET record/v1/customer/{id}', 'reads the customer with its self link',
  async () => {
    const response = await api.request({ path: `record/v1/customer/${customerId}` });
    const body = response.data;
    expect(String(body.id) === customerId, `asked for ${customerId}, got ${body.id}`, response.statusCode, body);
    expect(body.links?.[0]?.href === `${REST}record/v1/customer/${customerId}`, 'the self link is not the URL asked',
      response.statusCode, body.links);
    const facts = { id: body.id, entityId: body.entityId, firstName: body.firstName ?? null,
      lastName: body.lastName ?? null, companyName: body.companyName ?? null };
    return { status: response.statusCode, answer: facts, facts, value: body };
  });

await check('netsuite-rest POST query/v1/suiteql', 'answers the same names as the record, by a bound parameter',
  async () => {
    const read = needs(record, 'the record GET failed');
    const response = await api.request({ path: 'query/v1/suiteql', method: 'POST',
      body: JSON.stringify({ q: 'SELECT firstname, lastname, companyname FROM customer WHERE id = ?',
        params: [customerId] }) });
    const row = response.data.items[0] ?? {};
    for (const [column, field] of [['firstname', 'firstName'], ['lastname', 'lastName'],
      ['companyname', 'companyName']]) {
      expect((row[column] ?? null) === (read[field] ?? null),
        `${column} is ${JSON.stringify(row[column])} in SuiteQL, ${JSON.stringify(read[field])} in the record`,
        response.statusCode, row);
    }
    return { status: response.statusCode, answer: row };
  });

await check('netsuite-rest PATCH record/v1/customer/{id}', 'changes a custom field, then reads it back',
  async () => {
    const value = `sdk-${crypto.randomBytes(6).toString('hex')}`;
    const patched = await api.request({ path: `record/v1/customer/${customerId}`, method: 'PATCH',
      body: JSON.stringify({ custentity_klaviyo_profile_id: value }),
      heads: { 'Content-Type': 'application/json' } });
    expect(patched.statusCode === 204, 'a PATCH answers 204 with no body', patched.statusCode, patched.body);
    const read = await api.request({ path: `record/v1/customer/${customerId}` });
    expect(read.data.custentity_klaviyo_profile_id === value,
      `read back ${read.data.custentity_klaviyo_profile_id}, wrote ${value}`, read.statusCode, read.data);
    return { status: patched.statusCode, answer: `custentity_klaviyo_profile_id=${value}`,
      facts: { id: customerId, value } };
  });

await check('netsuite-rest GET record/v1/customer/{id}', 'answers 404 NONEXISTENT_ID for a customer that is not there',
  async () => {
    try {
      const response = await api.request({ path: `record/v1/customer/${missingCustomerId}` });
      throw new Unexpected('a missing customer was answered', response.statusCode, response.data);
    } catch (failure) {
      if (failure instanceof Unexpected) {
        throw failure;
      }
      const { statusCode, body } = needs(failure.response, `no answer: ${failure.message}`);
      expect(statusCode === 404 && errorCode(body) === 'NONEXISTENT_ID', 'expected 404 NONEXISTENT_ID', statusCode,
        body);
      return { status: statusCode, answer: body };
    }
  });

await check('netsuite-rest POST query/v1/suiteql', 'answers 400 INVALID_PARAMETER for a column that does not exist',
  async () => {
    try {
      const response = await suiteQl('query/v1/suiteql', 'SELECT no_such_column FROM customer');
      throw new Unexpected('a bad query was answered', response.statusCode, response.data);
    } catch (failure) {
      if (failure instanceof Unexpected) {
        throw failure;
      }
      const { statusCode, body } = needs(failure.response, `no answer: ${failure.message}`);
      expect(statusCode === 400 && errorCode(body) === 'INVALID_PARAMETER', 'expected 400 INVALID_PARAMETER',
        statusCode, body);
      return { status: statusCode, answer: body };
    }
  });

// One try only: the account locks the user after five failed logins.
await check('netsuite-rest POST query/v1/suiteql', 'answers 401 INVALID_LOGIN when the token secret is wrong',
  async () => {
    const wrong = new NetsuiteRest({ ...credentials,
      token_secret: crypto.randomBytes(32).toString('hex') });
    try {
      const response = await wrong.request({ path: 'query/v1/suiteql?limit=1', method: 'POST',
        body: JSON.stringify({ q: 'SELECT id FROM customer' }) });
      throw new Unexpected('a wrongly signed request was answered', response.statusCode, response.data);
    } catch (failure) {
      if (failure instanceof Unexpected) {
        throw failure;
      }
      const { statusCode, body } = needs(failure.response, `no answer: ${failure.message}`);
      expect(statusCode === 401 && errorCode(body) === 'INVALID_LOGIN', 'expected 401 INVALID_LOGIN', statusCode,
        body);
      return { status: statusCode, answer: body };
    }
  });
