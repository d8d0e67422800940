// Klaviyo's official Node SDK (klaviyo-api), unmodified, through every operation the local Klaviyo serves. The SDK
// is pointed at the sandbox through each API class's public basePath setter, its only way to name another server;
// its headers (Content-Type: application/json, revision, User-Agent) and camelCase-to-snake_case bodies are its own.
import crypto from 'node:crypto';
import {
  AccountsApi, ApiKeySession, CatalogsApi, EventsApi, ListsApi, ProfilesApi,
} from 'klaviyo-api';
import { check, env, expect, needs, poll, Unexpected } from './checks.mjs';

const baseUrl = env('KLAVIYO_BASE_URL');
const session = new ApiKeySession(env('KLAVIYO_API_KEY'));

function api(Api) {
  const instance = new Api(session);
  instance.basePath = baseUrl;
  return instance;
}

const accounts = api(AccountsApi);
const profiles = api(ProfilesApi);
const events = api(EventsApi);
const lists = api(ListsApi);
const catalogs = api(CatalogsApi);

// Emails unique to this run, and text that breaks any charset but UTF-8: accents, Polish, Turkish, Vietnamese, CJK,
// right-to-left, an emoji outside the BMP, quotes and a backslash.
const run = crypto.randomBytes(4).toString('hex');
const email = (who) => `sdk-${run}-${who}@example.com`;
const HARD = 'Zoë Łukasz Ağaoğlu Nguyễn 東京 שלום 😀 "q" \\';

/** The SDK's answer as a check's outcome: the HTTP status and the raw JSON the server sent. */
function answered(result, value, facts) {
  return { status: result.response.status, answer: result.response.data, value, facts };
}

/** The cursor of a next link; the SDK only unpacks a whole link itself when it starts with https://. */
function cursorOf(next) {
  return next ? new URL(next).searchParams.get('page[cursor]') : undefined;
}

async function profileByEmail(address, options = {}) {
  const result = await profiles.getProfiles({ filter: `equals(email,"${address}")`, ...options });
  return { result, profile: result.body.data[0] };
}

/** Polls a job until Klaviyo reports it complete; fails with the last answer otherwise. */
async function finishedJob(read) {
  const result = await poll(read, (answer) => answer.body.data.attributes.status === 'complete');
  expect(result.body.data.attributes.status === 'complete', 'the job did not complete', result.response.status,
    result.response.data);
  return result;
}

function emailConsent(profile) {
  return profile?.attributes?.subscriptions?.email?.marketing;
}

// ---- accounts

await check('AccountsApi.getAccounts (GET /api/accounts)', 'answers the one account the key belongs to', async () => {
  const result = await accounts.getAccounts();
  expect(result.body.data.length === 1, 'expected exactly one account', result.response.status, result.response.data);
  expect(result.body.data[0].attributes.publicApiKey, 'the account has no public API key', result.response.status,
    result.response.data);
  return answered(result);
});

// ---- profiles

const profileA = await check('ProfilesApi.createOrUpdateProfile (POST /api/profile-import)',
  'creates a profile (201)', async () => {
    const result = await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: {
      email: email('a'), firstName: HARD, properties: { sdkRun: run } } } });
    expect(result.response.status === 201, 'a new email answers 201', result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('ProfilesApi.createOrUpdateProfile (POST /api/profile-import)', 'updates the same profile (200)',
  async () => {
    const result = await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: {
      email: email('a'), lastName: 'Öztürk' } } });
    expect(result.response.status === 200 && result.body.data.id === needs(profileA, 'no profile was created'),
      `expected 200 and id ${profileA}`, result.response.status, result.response.data);
    expect(result.body.data.attributes.firstName === HARD, 'the update dropped the first name',
      result.response.status, result.response.data);
    return answered(result);
  });

const profileB = await check('ProfilesApi.createProfile (POST /api/profiles)', 'creates a profile (201)', async () => {
  const result = await profiles.createProfile({ data: { type: 'profile', attributes: {
    email: email('b'), firstName: 'Björk', properties: { sdkRun: run } } } });
  expect(result.response.status === 201, 'a create answers 201', result.response.status, result.response.data);
  expect(result.body.data.attributes.email === email('b'), 'the answer is not the profile created',
    result.response.status, result.response.data);
  return answered(result, result.body.data.id);
});

await check('ProfilesApi.createProfile (POST /api/profiles)', 'answers 409 with the duplicate\'s id for an email taken',
  async () => {
    const existing = needs(profileB, 'no profile was created');
    try {
      const result = await profiles.createProfile({ data: { type: 'profile', attributes: { email: email('b') } } });
      throw new Unexpected('a second profile with one email was created', result.response.status,
        result.response.data);
    } catch (failure) {
      if (failure instanceof Unexpected) {
        throw failure;
      }
      const response = needs(failure.response, `no answer: ${failure.message}`);
      const duplicate = response.data?.errors?.[0]?.meta?.duplicate_profile_id;
      expect(response.status === 409 && duplicate === existing, `expected 409 naming ${existing}`, response.status,
        response.data);
      return { status: response.status, answer: response.data };
    }
  });

await check('ProfilesApi.getProfile (GET /api/profiles/{id})', 'reads the profile by id', async () => {
  const result = await profiles.getProfile(needs(profileA, 'no profile was created'));
  expect(result.body.data.id === profileA && result.body.data.attributes.email === email('a'),
    `expected ${profileA} with ${email('a')}`, result.response.status, result.response.data);
  return answered(result);
});

await check('ProfilesApi.getProfile (GET /api/profiles/{id})', 'reads back the hard text it was given, byte for byte',
  async () => {
    const result = await profiles.getProfile(needs(profileA, 'no profile was created'));
    expect(result.body.data.attributes.firstName === HARD, `wrote ${JSON.stringify(HARD)}, read `
      + JSON.stringify(result.body.data.attributes.firstName), result.response.status, result.response.data);
    return answered(result);
  });

await check('ProfilesApi.updateProfile (PATCH /api/profiles/{id})', 'changes one field and keeps the others',
  async () => {
    const id = needs(profileA, 'no profile was created');
    const result = await profiles.updateProfile(id, { data: { type: 'profile', id, attributes: {
      title: 'Müdür', properties: { tier: 'gold' } } } });
    const attributes = result.body.data.attributes;
    const kept = attributes.lastName === 'Öztürk' && attributes.properties?.sdkRun === run;
    expect(attributes.title === 'Müdür' && attributes.properties?.tier === 'gold' && kept,
      'expected the new title and tier beside the old fields', result.response.status, result.response.data);
    return answered(result);
  });

await check('ProfilesApi.getProfiles (GET /api/profiles)', 'finds a profile by an email filter', async () => {
  const { result, profile } = await profileByEmail(email('a'));
  expect(result.body.data.length === 1 && profile.id === needs(profileA, 'no profile was created'),
    `expected only ${profileA}`, result.response.status, result.response.data);
  return answered(result);
});

await check('ProfilesApi.getProfiles (GET /api/profiles)', 'answers only the fields asked for (fields[profile])',
  async () => {
    const { result } = await profileByEmail(email('a'), { fieldsProfile: ['email', 'first_name'] });
    const keys = Object.keys(result.response.data.data[0]?.attributes ?? {}).sort();
    expect(JSON.stringify(keys) === JSON.stringify(['email', 'first_name']), `attributes were ${keys}`,
      result.response.status, result.response.data);
    return answered(result);
  });

// ---- bulk profile import

const importJob = await check('ProfilesApi.bulkImportProfiles (POST /api/profile-bulk-import-jobs)',
  'queues a job for two profiles (202)', async () => {
    const result = await profiles.bulkImportProfiles({ data: { type: 'profile-bulk-import-job', attributes: {
      profiles: { data: ['c', 'd'].map((who) => ({ type: 'profile', attributes: {
        email: email(who), firstName: HARD, properties: { sdkRun: run } } })) } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('ProfilesApi.getBulkImportProfilesJob (GET /api/profile-bulk-import-jobs/{job_id})',
  'reports the job complete with both profiles', async () => {
    const id = needs(importJob, 'no job was queued');
    const result = await finishedJob(() => profiles.getBulkImportProfilesJob(id));
    const attributes = result.body.data.attributes;
    expect(attributes.completedCount === 2 && attributes.failedCount === 0, 'expected 2 done, 0 failed',
      result.response.status, result.response.data);
    return answered(result);
  });

await check('ProfilesApi.getBulkImportProfilesJobs (GET /api/profile-bulk-import-jobs)', 'lists the job', async () => {
  const id = needs(importJob, 'no job was queued');
  const result = await profiles.getBulkImportProfilesJobs();
  expect(result.body.data.some((job) => job.id === id), `job ${id} is not listed`, result.response.status,
    result.response.data);
  return answered(result);
});

await check('ProfilesApi.getErrorsForBulkImportProfilesJob (GET /api/profile-bulk-import-jobs/{id}/import-errors)',
  'answers no errors for a job with none', async () => {
    const result = await profiles.getErrorsForBulkImportProfilesJob(needs(importJob, 'no job was queued'));
    expect(Array.isArray(result.body.data) && result.body.data.length === 0, 'expected an empty list',
      result.response.status, result.response.data);
    return answered(result);
  });

const importedIds = await check('ProfilesApi.getProfiles (GET /api/profiles)', 'finds the imported profiles',
  async () => {
    const result = await profiles.getProfiles({ filter: `any(email,["${email('c')}","${email('d')}"])` });
    expect(result.body.data.length === 2, 'expected both imported profiles', result.response.status,
      result.response.data);
    expect(result.body.data.every((profile) => profile.attributes.firstName === HARD),
      'an imported first name did not read back byte for byte', result.response.status, result.response.data);
    return answered(result, result.body.data.map((profile) => profile.id).sort());
  });

await check('ProfilesApi.getProfiles (GET /api/profiles)', 'pages with page[size] and the next link\'s cursor',
  async () => {
    const first = await profiles.getProfiles({ pageSize: 1 });
    const cursor = needs(cursorOf(first.body.links?.next), 'the first page of one had no next link');
    const second = await profiles.getProfiles({ pageSize: 1, pageCursor: cursor });
    expect(first.body.data.length === 1 && second.body.data.length === 1
      && first.body.data[0].id !== second.body.data[0].id, 'expected two pages of one different profile each',
    second.response.status, second.response.data);
    return answered(second);
  });

await check('ProfilesApi.getProfileIdsForBulkImportProfilesJob '
  + '(GET /api/profile-bulk-import-jobs/{id}/relationships/profiles)', 'answers the ids of the imported profiles',
async () => {
  const result = await profiles.getProfileIdsForBulkImportProfilesJob(needs(importJob, 'no job was queued'));
  const ids = result.body.data.map((entry) => entry.id).sort();
  expect(JSON.stringify(ids) === JSON.stringify(needs(importedIds, 'the imported profiles were not found')),
    `expected ${importedIds}`, result.response.status, result.response.data);
  return answered(result);
});

await check('ProfilesApi.getProfilesForBulkImportProfilesJob (GET /api/profile-bulk-import-jobs/{id}/profiles)',
  'answers the imported profiles', async () => {
    const result = await profiles.getProfilesForBulkImportProfilesJob(needs(importJob, 'no job was queued'));
    const emails = result.body.data.map((profile) => profile.attributes.email).sort();
    expect(JSON.stringify(emails) === JSON.stringify([email('c'), email('d')]), 'expected the two imported emails',
      result.response.status, result.response.data);
    return answered(result);
  });

// ---- lists

const list = await check('ListsApi.createList (POST /api/lists)', 'creates a list (201)', async () => {
  const result = await lists.createList({ data: { type: 'list', attributes: { name: `SDK ${run}` } } });
  expect(result.response.status === 201 && result.body.data.attributes.name === `SDK ${run}`,
    'expected 201 with the list', result.response.status, result.response.data);
  return answered(result, result.body.data.id);
});

await check('ListsApi.getLists (GET /api/lists)', 'lists the new list, following next links', async () => {
  const id = needs(list, 'no list was created');
  let result = await lists.getLists();
  const seen = [...result.body.data];
  while (!seen.some((entry) => entry.id === id) && result.body.links?.next) {
    result = await lists.getLists({ pageCursor: cursorOf(result.body.links.next) });
    seen.push(...result.body.data);
  }
  expect(seen.some((entry) => entry.id === id), `list ${id} is not listed`, result.response.status,
    result.response.data);
  return answered(result);
});

await check('ListsApi.addProfilesToList (POST /api/lists/{id}/relationships/profiles)', 'adds a profile (204)',
  async () => {
    const result = await lists.addProfilesToList(needs(list, 'no list was created'),
      { data: [{ type: 'profile', id: needs(profileA, 'no profile was created') }] });
    expect(result.response.status === 204, 'expected 204', result.response.status, result.response.data);
    return answered(result);
  });

await check('ListsApi.getProfileIdsForList (GET /api/lists/{id}/relationships/profiles)',
  'answers the member\'s id', async () => {
    const result = await lists.getProfileIdsForList(needs(list, 'no list was created'));
    const ids = result.body.data.map((entry) => entry.id);
    expect(JSON.stringify(ids) === JSON.stringify([profileA]), `expected [${profileA}]`, result.response.status,
      result.response.data);
    return answered(result);
  });

await check('ListsApi.getProfilesForList (GET /api/lists/{id}/profiles)', 'answers the member', async () => {
  const result = await lists.getProfilesForList(needs(list, 'no list was created'));
  const emails = result.body.data.map((profile) => profile.attributes.email);
  expect(JSON.stringify(emails) === JSON.stringify([email('a')]), `expected [${email('a')}]`, result.response.status,
    result.response.data);
  return answered(result);
});

// ---- consent and suppressions

async function waitForConsent(address, accept) {
  return poll(() => profileByEmail(address, { additionalFieldsProfile: ['subscriptions'] }),
    ({ profile }) => accept(emailConsent(profile)));
}

await check('ProfilesApi.bulkSubscribeProfiles (POST /api/profile-subscription-bulk-create-jobs)',
  'subscribes an email to the list (202), then the profile shows SUBSCRIBED', async () => {
    const result = await profiles.bulkSubscribeProfiles({ data: { type: 'profile-subscription-bulk-create-job',
      attributes: { customSource: 'klaviyo-api conformance', profiles: { data: [{ type: 'profile', attributes: {
        email: email('c'), subscriptions: { email: { marketing: { consent: 'SUBSCRIBED' } } } } }] } },
      relationships: { list: { data: { type: 'list', id: needs(list, 'no list was created') } } } } });
    expect(result.response.status === 202, 'expected 202', result.response.status, result.response.data);
    const { result: read } = await waitForConsent(email('c'), (consent) => consent?.consent === 'SUBSCRIBED');
    expect(emailConsent(read.body.data[0])?.consent === 'SUBSCRIBED', 'the profile is not subscribed',
      read.response.status, read.response.data);
    return answered(result);
  });

// With no list named the unsubscribe is global; naming a list whose member the profile is would end consent on
// that list only, which a profile read does not show.
await check('ProfilesApi.bulkUnsubscribeProfiles (POST /api/profile-subscription-bulk-delete-jobs)',
  'unsubscribes the email everywhere (202, no list), then the profile shows UNSUBSCRIBED', async () => {
    const result = await profiles.bulkUnsubscribeProfiles({ data: { type: 'profile-subscription-bulk-delete-job',
      attributes: { profiles: { data: [{ type: 'profile', attributes: {
        email: email('c'), subscriptions: { email: { marketing: { consent: 'UNSUBSCRIBED' } } } } }] } } } });
    expect(result.response.status === 202, 'expected 202', result.response.status, result.response.data);
    const { result: read } = await waitForConsent(email('c'), (consent) => consent?.consent === 'UNSUBSCRIBED');
    expect(emailConsent(read.body.data[0])?.consent === 'UNSUBSCRIBED', 'the profile is still subscribed',
      read.response.status, read.response.data);
    return answered(result);
  });

const suppressedNow = (consent) => (consent?.suppression ?? []).some((entry) => entry.reason === 'USER_SUPPRESSED');

const suppressJob = await check('ProfilesApi.bulkSuppressProfiles (POST /api/profile-suppression-bulk-create-jobs)',
  'suppresses an email (202), then the profile shows USER_SUPPRESSED', async () => {
    const result = await profiles.bulkSuppressProfiles({ data: { type: 'profile-suppression-bulk-create-job',
      attributes: { profiles: { data: [{ type: 'profile', attributes: { email: email('d') } }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    const { result: read } = await waitForConsent(email('d'), suppressedNow);
    expect(suppressedNow(emailConsent(read.body.data[0])), 'the profile is not suppressed', read.response.status,
      read.response.data);
    return answered(result, result.body.data.id);
  });

await check('ProfilesApi.getBulkSuppressProfilesJob (GET /api/profile-suppression-bulk-create-jobs/{job_id})',
  'reports the job complete with its one profile', async () => {
    const result = await finishedJob(() => profiles.getBulkSuppressProfilesJob(
      needs(suppressJob, 'no job was queued')));
    expect(result.body.data.attributes.completedCount === 1, 'expected 1 done', result.response.status,
      result.response.data);
    return answered(result);
  });

await check('ProfilesApi.getProfiles (GET /api/profiles)', 'filters on the suppression reason', async () => {
  const result = await profiles.getProfiles({
    filter: 'equals(subscriptions.email.marketing.suppression.reason,"USER_SUPPRESSED")' });
  expect(result.body.data.some((profile) => profile.attributes.email === email('d')),
    `${email('d')} is not among the suppressed`, result.response.status, result.response.data);
  return answered(result);
});

const unsuppressJob = await check(
  'ProfilesApi.bulkUnsuppressProfiles (POST /api/profile-suppression-bulk-delete-jobs)',
  'lifts the suppression (202), then the profile shows none', async () => {
    const result = await profiles.bulkUnsuppressProfiles({ data: { type: 'profile-suppression-bulk-delete-job',
      attributes: { profiles: { data: [{ type: 'profile', attributes: { email: email('d') } }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    const { result: read } = await waitForConsent(email('d'), (consent) => !suppressedNow(consent));
    expect(!suppressedNow(emailConsent(read.body.data[0])), 'the profile is still suppressed', read.response.status,
      read.response.data);
    return answered(result, result.body.data.id);
  });

await check('ProfilesApi.getBulkUnsuppressProfilesJob (GET /api/profile-suppression-bulk-delete-jobs/{job_id})',
  'reports the job complete with its one profile', async () => {
    const result = await finishedJob(() => profiles.getBulkUnsuppressProfilesJob(
      needs(unsuppressJob, 'no job was queued')));
    expect(result.body.data.attributes.completedCount === 1, 'expected 1 done', result.response.status,
      result.response.data);
    return answered(result);
  });

// ---- events

const metric = (name) => ({ data: { type: 'metric', attributes: { name } } });
const placedOrder = `SDK Placed Order ${run}`;

await check('EventsApi.createEvent (POST /api/events)', 'records an event (202)', async () => {
  const result = await events.createEvent({ data: { type: 'event', attributes: {
    properties: { OrderId: `${run}-1`, Note: HARD }, time: new Date(), value: 12.5, valueCurrency: 'USD',
    uniqueId: `${run}-1`, metric: metric(placedOrder),
    profile: { data: { type: 'profile', attributes: { email: email('a') } } } } } });
  expect(result.response.status === 202, 'expected 202', result.response.status, result.response.data);
  return answered(result);
});

await check('EventsApi.bulkCreateEvents (POST /api/event-bulk-create-jobs)', 'records two events for one profile (202)',
  async () => {
    const result = await events.bulkCreateEvents({ data: { type: 'event-bulk-create-job', attributes: {
      eventsBulkCreate: { data: [{ type: 'event-bulk-create', attributes: {
        profile: { data: { type: 'profile', attributes: { email: email('b') } } },
        events: { data: [2, 3].map((n) => ({ type: 'event', attributes: {
          properties: { OrderId: `${run}-${n}` }, time: new Date(), value: n, uniqueId: `${run}-${n}`,
          metric: metric(placedOrder) } })) } } }] } } } });
    expect(result.response.status === 202, 'expected 202', result.response.status, result.response.data);
    return answered(result);
  });

await check('EventsApi.getEvents (GET /api/events)', 'answers the events recorded, with their properties', async () => {
  const mine = (result) => result.body.data.filter((event) => String(event.attributes.eventProperties?.OrderId ?? '')
    .startsWith(`${run}-`));
  const result = await poll(() => events.getEvents({ sort: '-datetime' }), (answer) => mine(answer).length >= 3);
  const found = mine(result).map((event) => event.attributes.eventProperties.OrderId).sort();
  expect(JSON.stringify(found) === JSON.stringify([1, 2, 3].map((n) => `${run}-${n}`)),
    `found events ${found}`, result.response.status, result.response.data);
  const note = mine(result).find((event) => event.attributes.eventProperties.OrderId === `${run}-1`)
    .attributes.eventProperties.Note;
  expect(note === HARD, `wrote ${JSON.stringify(HARD)}, read ${JSON.stringify(note)}`, result.response.status,
    result.response.data);
  return answered(result);
});

// ---- catalog items

const itemId = (externalId) => `$custom:::$default:::${externalId}`;
const catalogItem = (externalId, title, price) => ({ type: 'catalog-item', attributes: {
  externalId, title, description: `${title} (conformance)`, url: `https://example.com/items/${externalId}`,
  price, published: true, customMetadata: { run } } });

const createJob = await check('CatalogsApi.bulkCreateCatalogItems (POST /api/catalog-item-bulk-create-jobs)',
  'queues a job for two items (202)', async () => {
    const result = await catalogs.bulkCreateCatalogItems({ data: { type: 'catalog-item-bulk-create-job',
      attributes: { items: { data: [catalogItem(`${run}-1`, HARD, 10), catalogItem(`${run}-2`, 'Kaffee', 4.5)] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkCreateCatalogItemsJob (GET /api/catalog-item-bulk-create-jobs/{job_id})',
  'reports the job complete with both items', async () => {
    const id = needs(createJob, 'no job was queued');
    const result = await finishedJob(() => catalogs.getBulkCreateCatalogItemsJob(id));
    const attributes = result.body.data.attributes;
    expect(attributes.completedCount === 2 && attributes.failedCount === 0, 'expected 2 done, 0 failed',
      result.response.status, result.response.data);
    return answered(result);
  });

await check('CatalogsApi.getCatalogItem (GET /api/catalog-items/{id})', 'reads a bulk-created item and its hard title',
  async () => {
    const result = await catalogs.getCatalogItem(itemId(`${run}-1`));
    expect(result.body.data.id === itemId(`${run}-1`) && result.body.data.attributes.title === HARD,
      `wrote the title ${JSON.stringify(HARD)}, read ${JSON.stringify(result.body.data.attributes.title)}`,
      result.response.status, result.response.data);
    return answered(result);
  });

await check('CatalogsApi.createCatalogItem (POST /api/catalog-items)', 'creates an item (201)', async () => {
  const result = await catalogs.createCatalogItem({ data: catalogItem(`${run}-3`, 'Tee', 3) });
  expect(result.response.status === 201 && result.body.data.id === itemId(`${run}-3`),
    `expected 201 with id ${itemId(`${run}-3`)}`, result.response.status, result.response.data);
  return answered(result);
});

await check('CatalogsApi.updateCatalogItem (PATCH /api/catalog-items/{id})', 'changes the price and keeps the title',
  async () => {
    const id = itemId(`${run}-3`);
    const result = await catalogs.updateCatalogItem(id, { data: { type: 'catalog-item', id,
      attributes: { price: 3.5 } } });
    expect(result.body.data.attributes.price === 3.5 && result.body.data.attributes.title === 'Tee',
      'expected price 3.5 and title Tee', result.response.status, result.response.data);
    const read = await catalogs.getCatalogItem(id);
    expect(read.body.data.attributes.price === 3.5, 'the change did not stay', read.response.status,
      read.response.data);
    return answered(result);
  });

const updateJob = await check('CatalogsApi.bulkUpdateCatalogItems (POST /api/catalog-item-bulk-update-jobs)',
  'queues an update (202), then the item shows it', async () => {
    const id = itemId(`${run}-2`);
    const result = await catalogs.bulkUpdateCatalogItems({ data: { type: 'catalog-item-bulk-update-job',
      attributes: { items: { data: [{ type: 'catalog-item', id, attributes: { price: 5.25 } }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    const read = await poll(() => catalogs.getCatalogItem(id), (answer) => answer.body.data.attributes.price === 5.25);
    expect(read.body.data.attributes.price === 5.25, 'the item did not change', read.response.status,
      read.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkUpdateCatalogItemsJob (GET /api/catalog-item-bulk-update-jobs/{job_id})',
  'reports the job complete with its one item', async () => {
    const result = await finishedJob(() => catalogs.getBulkUpdateCatalogItemsJob(
      needs(updateJob, 'no job was queued')));
    const attributes = result.body.data.attributes;
    expect(attributes.completedCount === 1 && attributes.failedCount === 0, 'expected 1 done, 0 failed',
      result.response.status, result.response.data);
    return answered(result);
  });

// ---- catalog variants, reading by id, deleting

const variant = (externalId, item, stock) => ({ type: 'catalog-variant', attributes: {
  externalId, title: `Size of ${item}`, description: 'One size (conformance)', sku: externalId,
  inventoryQuantity: stock, price: 10, url: `https://example.com/items/${externalId}` },
  relationships: { item: { data: { type: 'catalog-item', id: itemId(item) } } } });

const variantJob = await check('CatalogsApi.bulkCreateCatalogVariants (POST /api/catalog-variant-bulk-create-jobs)',
  'queues a job for a variant (202)', async () => {
    const result = await catalogs.bulkCreateCatalogVariants({ data: { type: 'catalog-variant-bulk-create-job',
      attributes: { variants: { data: [variant(`${run}-1-M`, `${run}-1`, 0)] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkCreateVariantsJob (GET /api/catalog-variant-bulk-create-jobs/{job_id})',
  'reports the job complete with its variant', async () => {
    const result = await finishedJob(() => catalogs.getBulkCreateVariantsJob(
      needs(variantJob, 'no job was queued')));
    const attributes = result.body.data.attributes;
    expect(attributes.completedCount === 1 && attributes.failedCount === 0, 'expected 1 done, 0 failed',
      result.response.status, result.response.data);
    return answered(result);
  });

const variantUpdate = await check(
  'CatalogsApi.bulkUpdateCatalogVariants (POST /api/catalog-variant-bulk-update-jobs)',
  'queues a stock change (202), then the variant shows it', async () => {
    const id = itemId(`${run}-1-M`);
    const result = await catalogs.bulkUpdateCatalogVariants({ data: { type: 'catalog-variant-bulk-update-job',
      attributes: { variants: { data: [{ type: 'catalog-variant', id, attributes: { inventoryQuantity: 9 } }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkUpdateVariantsJob (GET /api/catalog-variant-bulk-update-jobs/{job_id})',
  'reports the job complete', async () => {
    const result = await finishedJob(() => catalogs.getBulkUpdateVariantsJob(
      needs(variantUpdate, 'no job was queued')));
    expect(result.body.data.attributes.completedCount === 1, 'expected 1 done', result.response.status,
      result.response.data);
    return answered(result);
  });

await check('CatalogsApi.getCatalogVariants (GET /api/catalog-variants)', 'finds the variant by id with its stock',
  async () => {
    const result = await catalogs.getCatalogVariants({ filter: `any(ids,["${itemId(`${run}-1-M`)}"])` });
    expect(result.body.data.length === 1 && result.body.data[0].attributes.inventoryQuantity === 9,
      'expected the one variant with 9 in stock', result.response.status, result.response.data);
    return answered(result);
  });

await check('CatalogsApi.getCatalogItems (GET /api/catalog-items)', 'finds the items by id, the unknown one not',
  async () => {
    const result = await catalogs.getCatalogItems({
      filter: `any(ids,["${itemId(`${run}-1`)}","${itemId(`${run}-2`)}","${itemId(`${run}-none`)}"])` });
    expect(result.body.data.length === 2, 'expected two items', result.response.status, result.response.data);
    return answered(result);
  });

const variantDelete = await check(
  'CatalogsApi.bulkDeleteCatalogVariants (POST /api/catalog-variant-bulk-delete-jobs)',
  'queues a deletion (202)', async () => {
    const result = await catalogs.bulkDeleteCatalogVariants({ data: { type: 'catalog-variant-bulk-delete-job',
      attributes: { variants: { data: [{ type: 'catalog-variant', id: itemId(`${run}-1-M`) }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkDeleteVariantsJob (GET /api/catalog-variant-bulk-delete-jobs/{job_id})',
  'reports the job complete', async () => {
    const result = await finishedJob(() => catalogs.getBulkDeleteVariantsJob(
      needs(variantDelete, 'no job was queued')));
    expect(result.body.data.attributes.completedCount === 1, 'expected 1 done', result.response.status,
      result.response.data);
    return answered(result);
  });

const itemDelete = await check('CatalogsApi.bulkDeleteCatalogItems (POST /api/catalog-item-bulk-delete-jobs)',
  'queues a deletion (202)', async () => {
    const result = await catalogs.bulkDeleteCatalogItems({ data: { type: 'catalog-item-bulk-delete-job',
      attributes: { items: { data: [{ type: 'catalog-item', id: itemId(`${run}-3`) }] } } } });
    expect(result.response.status === 202 && result.body.data.id, 'expected 202 with a job id',
      result.response.status, result.response.data);
    return answered(result, result.body.data.id);
  });

await check('CatalogsApi.getBulkDeleteCatalogItemsJob (GET /api/catalog-item-bulk-delete-jobs/{job_id})',
  'reports the job complete, and the item is gone', async () => {
    const result = await finishedJob(() => catalogs.getBulkDeleteCatalogItemsJob(
      needs(itemDelete, 'no job was queued')));
    expect(result.body.data.attributes.completedCount === 1, 'expected 1 done', result.response.status,
      result.response.data);
    const left = await catalogs.getCatalogItems({ filter: `any(ids,["${itemId(`${run}-3`)}"])` });
    expect(left.body.data.length === 0, 'the item is still there', left.response.status, left.response.data);
    return answered(result);
  });
