/**
 * `append_batch(batch jsonb)`: a batch of planned appends committed in one round trip and one
 * transaction (the caller runs it in autocommit). The client plans each append (versions, hash
 * chain, recordedAt, sealed head) on the stream head it believes current; the function checks
 * that belief under the stream's lock and writes, or answers 'stale' with the real head so the
 * client can plan again.
 *
 * Locks: every stream's advisory lock is taken first, in one order for every batch (so batches
 * cannot deadlock), before anything is written: the transaction id, assigned at the first write,
 * is therefore newer than that of every earlier append to these streams, which readers of the
 * whole store rely on (see readAll). In a batch of several, each append runs in a block with an
 * exception handler, a subtransaction: one that fails (a conflict, a taken key, a lost claim) is
 * rolled back alone. A batch of one needs none: its failure fails the statement, and the client
 * reads the same answer from the error (answerOfError). The notification that wakes readers in
 * other processes is sent by the client after the commit, not here: at commit it would hold a
 * lock every appending transaction queues for.
 *
 * An item: { s: stream id, v: base version, h: base hash, e: events (id, version, type, data,
 * metadata, recordedAt, prevHash, hash), k: unique keys [{scope, key}], x: subjects to shred,
 * head: { version, lastHash, lastRecordedAt, seal }, i: idempotency completion or null
 * { scope, key, token, outcome, at } }. The answer, one per item in order: { r: 'ok', p: positions }
 * | { r: 'stale', v, h, t } | { r: 'key', scope, key } | { r: 'lost' } | { r: 'unique', c, m }. Errors of append_item: IS001 (a unique key taken by another
 * stream; DETAIL has { scope, key }), IS002 (the idempotency claim was lost), 23505.
 */
export const appendFunctionSql = (schema: string) => `
CREATE OR REPLACE FUNCTION "${schema}".append_item(item jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $append_item$
DECLARE
  unique_key  jsonb;
  cur_version integer;
  cur_hash    text;
  cur_at      text;
  key_owner   text;
  positions   jsonb;
BEGIN
  -- The head moves to the planned one only from the head the plan was made on.
  INSERT INTO "${schema}".streams AS head (stream_id, version, last_hash, last_recorded_at, seal)
    SELECT item->>'s', (item->'head'->>'version')::integer, item->'head'->>'lastHash',
           item->'head'->>'lastRecordedAt', item->'head'->>'seal'
     WHERE (item->>'v')::integer = 0
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
      last_recorded_at = excluded.last_recorded_at, seal = excluded.seal
     WHERE head.version = (item->>'v')::integer AND head.last_hash IS NOT DISTINCT FROM (item->>'h');
  IF NOT FOUND AND (item->>'v')::integer > 0 THEN
    UPDATE "${schema}".streams AS head
       SET version = (item->'head'->>'version')::integer, last_hash = item->'head'->>'lastHash',
           last_recorded_at = item->'head'->>'lastRecordedAt', seal = item->'head'->>'seal'
     WHERE stream_id = item->>'s' AND head.version = (item->>'v')::integer AND head.last_hash IS NOT DISTINCT FROM (item->>'h');
  END IF;
  IF NOT FOUND THEN
    SELECT version, last_hash, last_recorded_at INTO cur_version, cur_hash, cur_at
      FROM "${schema}".streams WHERE stream_id = item->>'s';
    IF NOT FOUND THEN cur_version := 0; cur_hash := NULL; cur_at := NULL; END IF;
    RETURN jsonb_build_object('r', 'stale', 'v', cur_version, 'h', cur_hash, 't', cur_at);
  END IF;

  FOR unique_key IN SELECT value FROM jsonb_array_elements(item->'k') LOOP
    INSERT INTO "${schema}".unique_keys (scope, key, stream_id)
      VALUES (unique_key->>'scope', unique_key->>'key', item->>'s') ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT stream_id INTO key_owner FROM "${schema}".unique_keys
        WHERE scope = unique_key->>'scope' AND key = unique_key->>'key';
      IF key_owner IS DISTINCT FROM (item->>'s') THEN
        RAISE EXCEPTION 'duplicate-key' USING ERRCODE = 'IS001', DETAIL = unique_key::text;
      END IF;
    END IF;
  END LOOP;

  IF jsonb_array_length(item->'x') > 0 THEN
    DELETE FROM "${schema}".personal_data_keys WHERE subject_id IN (SELECT jsonb_array_elements_text(item->'x'));
  END IF;

  WITH inserted AS (
    INSERT INTO "${schema}".events (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
    SELECT (e->>'id')::uuid, item->>'s', (e->>'version')::integer, e->>'type', e->'data', e->'metadata',
           e->>'recordedAt', e->>'prevHash', e->>'hash'
      FROM jsonb_array_elements(item->'e') WITH ORDINALITY AS planned(e, n)
     ORDER BY n
    RETURNING global_position, version
  )
  SELECT jsonb_agg(global_position ORDER BY version) INTO positions FROM inserted;

  IF jsonb_typeof(item->'i') = 'object' THEN
    UPDATE "${schema}".idempotency_keys
       SET response_body = item->'i'->'outcome', completed_at = (item->'i'->>'at')::timestamptz
     WHERE scope = item->'i'->>'scope' AND key = item->'i'->>'key'
       AND claim_token = item->'i'->>'token' AND completed_at IS NULL;
    IF NOT FOUND THEN RAISE EXCEPTION 'claim-lost' USING ERRCODE = 'IS002'; END IF;
  END IF;

  RETURN jsonb_build_object('r', 'ok', 'p', positions);
END
$append_item$;

CREATE OR REPLACE FUNCTION "${schema}".append_batch(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $append_batch$
DECLARE
  lock_key   bigint;
  item       jsonb;
  detail     text;
  constraint_name text;
  results    jsonb := '[]'::jsonb;
BEGIN
  IF jsonb_array_length(batch) = 1 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended(batch->0->>'s', 0));
    RETURN jsonb_build_array("${schema}".append_item(batch->0));
  END IF;
  FOR lock_key IN SELECT DISTINCT hashtextextended(value->>'s', 0) FROM jsonb_array_elements(batch) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(lock_key);
  END LOOP;

  FOR item IN SELECT value FROM jsonb_array_elements(batch) LOOP
    BEGIN
      results := results || jsonb_build_array("${schema}".append_item(item));
    EXCEPTION
      WHEN SQLSTATE 'IS001' THEN
        GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
        results := results || jsonb_build_array(jsonb_build_object('r', 'key') || detail::jsonb);
      WHEN SQLSTATE 'IS002' THEN
        results := results || jsonb_build_array(jsonb_build_object('r', 'lost'));
      WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS constraint_name = CONSTRAINT_NAME;
        results := results || jsonb_build_array(jsonb_build_object('r', 'unique', 'c', constraint_name, 'm', SQLERRM));
    END;
  END LOOP;
  RETURN results;
END
$append_batch$;
`;
