import { describe, expect, it } from 'vitest';
import {
  compareSequencers,
  type IntakeMessage,
  parseS3MessageBody,
  parseS3Notification,
  readS3Intake,
  S3EventParseError,
  uploadKind,
} from '#functions/shared/s3-events';
import eventBridgeCreated from '../../events/eventbridge/object-created.json' with { type: 'json' };
import eventBridgeDeleted from '../../events/eventbridge/object-deleted.json' with { type: 'json' };
import objectCreatedPut from '../../events/s3/object-created-put.json' with { type: 'json' };
import specialKeys from '../../events/s3/object-created-special-keys.json' with { type: 'json' };
import unknownMinorVersion from '../../events/s3/object-created-v2.3-extra-fields.json' with { type: 'json' };
import majorVersionThree from '../../events/s3/object-created-v3.json' with { type: 'json' };
import objectRemoved from '../../events/s3/object-removed.json' with { type: 'json' };
import testEvent from '../../events/s3/test-event.json' with { type: 'json' };
import sqsEventBridge from '../../events/sqs/eventbridge-object-created.json' with { type: 'json' };
import sqsMixedBatch from '../../events/sqs/mixed-batch-malformed.json' with { type: 'json' };
import sqsS3Notification from '../../events/sqs/s3-notification.json' with { type: 'json' };
import sqsTestEvent from '../../events/sqs/s3-test-event.json' with { type: 'json' };

function notificationOf(message: IntakeMessage | undefined) {
  if (!message?.ok) throw new Error(`expected a parsed message, got ${message?.error.message}`);
  return message.notification;
}

describe('S3 event notifications', () => {
  it('reads an ObjectCreated:Put record into an uploaded object', () => {
    const notification = parseS3Notification(objectCreatedPut);

    expect(notification).toEqual({
      form: 's3-notification',
      testEvent: false,
      skipped: [],
      uploads: [
        {
          bucket: 'sinergi-uploads-example',
          key: 'incoming/vacancies/lowongan-semarang-2026.xlsx',
          size: 48213,
          eTag: 'd41d8cd98f00b204e9800998ecf8427e',
          versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
          sequencer: '0065A1B2C3D4E5F601',
          eventTime: '2026-11-20T02:14:07.512Z',
          eventName: 'ObjectCreated:Put',
        },
      ],
    });
  });

  it('decodes keys as S3 form-URL-encodes them: + is a space, %2B a plus, %25 a percent, UTF-8 escapes', () => {
    const keys = parseS3Notification(specialKeys).uploads.map((upload) => upload.key);

    expect(keys).toEqual([
      'incoming/assessments/my file.csv',
      'incoming/assessments/a+b.csv',
      'incoming/assessments/100%.csv',
      'incoming/assessments/data/ùnïcode ñ.csv',
      'incoming/vacancies/Lowongan (Semarang) 2026.xlsx',
    ]);
  });

  it('keeps the event name of a multipart upload', () => {
    const uploads = parseS3Notification(specialKeys).uploads;

    expect(uploads.at(-1)?.eventName).toBe('ObjectCreated:CompleteMultipartUpload');
  });

  it('accepts a newer 2.x minor version and ignores fields it does not know', () => {
    const [upload] = parseS3Notification(unknownMinorVersion).uploads;

    expect(upload).toEqual({
      bucket: 'sinergi-uploads-example',
      key: 'incoming/trainings/pelatihan-kejuruan.jsonl',
      size: 777,
      eTag: '1b2cf535f27731c974343645a3985328',
      sequencer: '0065A1B2C3D4E5F8',
      eventTime: '2026-11-20T02:14:07.512Z',
      eventName: 'ObjectCreated:Put',
    });
  });

  it('refuses another major version with a message naming it', () => {
    expect(() => parseS3Notification(majorVersionThree)).toThrow(/unsupported eventVersion 3\.0/);
  });

  it('recognises ObjectRemoved events and skips them', () => {
    const notification = parseS3Notification(objectRemoved);

    expect(notification.uploads).toEqual([]);
    expect(notification.skipped).toEqual([
      {
        bucket: 'sinergi-uploads-example',
        key: 'incoming/trainings/pelatihan-las-2026.csv',
        eventName: 'ObjectRemoved:Delete',
        reason: 'removed',
      },
    ]);
  });

  it('skips other object events such as tagging without treating them as uploads', () => {
    const tagging = structuredClone(objectCreatedPut);
    tagging.Records[0]!.eventName = 'ObjectTagging:Put';

    const notification = parseS3Notification(tagging);

    expect(notification.uploads).toEqual([]);
    expect(notification.skipped[0]?.reason).toBe('not-created');
  });

  it('acknowledges the s3:TestEvent and yields nothing', () => {
    expect(parseS3Notification(testEvent)).toEqual({
      form: 'test-event',
      testEvent: true,
      uploads: [],
      skipped: [],
    });
  });

  it('rejects a created record without a size, since the size cap is checked from the event', () => {
    const sizeless = structuredClone(objectCreatedPut) as {
      Records: { s3: { object: { size?: number } } }[];
    };
    delete sizeless.Records[0]!.s3.object.size;

    expect(() => parseS3Notification(sizeless)).toThrow(/without size/);
  });

  it('rejects a key with a stray percent sign, which S3 never sends', () => {
    const broken = structuredClone(objectCreatedPut);
    broken.Records[0]!.s3.object.key = 'incoming/assessments/100%.csv';

    expect(() => parseS3Notification(broken)).toThrow(S3EventParseError);
  });

  it('upper-cases sequencers and refuses ones that are not hexadecimal', () => {
    const lower = structuredClone(objectCreatedPut);
    lower.Records[0]!.s3.object.sequencer = '0065a1b2c3d4e5f601';
    expect(parseS3Notification(lower).uploads[0]?.sequencer).toBe('0065A1B2C3D4E5F601');

    lower.Records[0]!.s3.object.sequencer = 'not-hex';
    expect(() => parseS3Notification(lower)).toThrow(/sequencer is not hexadecimal/);
  });
});

describe('EventBridge S3 events', () => {
  it('reads Object Created into the same uploaded object shape, with the key decoded', () => {
    const notification = parseS3Notification(eventBridgeCreated);

    expect(notification).toEqual({
      form: 'eventbridge',
      testEvent: false,
      skipped: [],
      uploads: [
        {
          bucket: 'sinergi-uploads-example',
          key: 'incoming/vacancies/Lowongan (Semarang) 2026.xlsx',
          size: 5,
          eTag: 'b1946ac92492d2347c6235b4d2611184',
          versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
          sequencer: '617F08299329D189',
          eventTime: '2026-11-20T02:14:07Z',
          eventName: 'ObjectCreated:Put',
        },
      ],
    });
  });

  it('maps the reason of a multipart upload onto the notification event name', () => {
    const multipart = structuredClone(eventBridgeCreated);
    multipart.detail.reason = 'CompleteMultipartUpload';

    expect(parseS3Notification(multipart).uploads[0]?.eventName).toBe(
      'ObjectCreated:CompleteMultipartUpload',
    );
  });

  it('skips Object Deleted events', () => {
    const notification = parseS3Notification(eventBridgeDeleted);

    expect(notification.uploads).toEqual([]);
    expect(notification.skipped).toEqual([
      {
        bucket: 'sinergi-uploads-example',
        key: 'incoming/vacancies/Lowongan (Semarang) 2026.xlsx',
        eventName: 'ObjectRemoved:DeleteMarkerCreated',
        reason: 'removed',
      },
    ]);
  });

  it('refuses events from another source', () => {
    const other = { ...structuredClone(eventBridgeCreated), source: 'aws.ec2' };

    expect(() => parseS3Notification(other)).toThrow(/not an EventBridge S3 event: source/);
  });
});

describe('message bodies', () => {
  it('explains a body that is not JSON', () => {
    expect(() => parseS3MessageBody('{"Records":[')).toThrow(
      new S3EventParseError('message body is not valid JSON'),
    );
  });

  it('explains JSON that is no S3 event at all', () => {
    expect(() => parseS3MessageBody('{"hello":"world"}')).toThrow(/neither an S3 event notification/);
    expect(() => parseS3MessageBody('[1,2]')).toThrow(/not a JSON object/);
  });

  it('does not echo the body of a malformed message in the error', () => {
    const body = JSON.stringify({
      Records: [
        { eventVersion: '2.1', eventSource: 'aws:s3', s3: { object: { key: 'nik-3374010101900001' } } },
      ],
    });

    expect(() => parseS3MessageBody(body)).toThrow(S3EventParseError);
    try {
      parseS3MessageBody(body);
    } catch (error) {
      expect((error as Error).message).not.toContain('3374010101900001');
    }
  });
});

describe('readS3Intake', () => {
  it('reads each SQS message whose body is an S3 notification', () => {
    const messages = readS3Intake(sqsS3Notification);

    expect(messages.map((message) => message.messageId)).toEqual([
      '059f36b4-87a3-44ab-83d2-661975830a7d',
      '2e1424d4-f796-459a-8184-9c92662be6da',
    ]);
    expect(notificationOf(messages[0]).uploads[0]?.key).toBe(
      'incoming/vacancies/lowongan-semarang-2026.xlsx',
    );
    expect(notificationOf(messages[1]).uploads[0]?.key).toBe('incoming/assessments/my file.csv');
  });

  it('tells the caller that an SQS message held the test event', () => {
    const [message] = readS3Intake(sqsTestEvent);

    expect(notificationOf(message)).toMatchObject({ testEvent: true, uploads: [] });
  });

  it('reads an EventBridge event delivered through SQS', () => {
    const [message] = readS3Intake(sqsEventBridge);

    expect(notificationOf(message)).toMatchObject({
      form: 'eventbridge',
      uploads: [{ key: 'incoming/vacancies/Lowongan (Semarang) 2026.xlsx', size: 5 }],
    });
  });

  it('reads an EventBridge event delivered directly, keyed by the event id', () => {
    const [message] = readS3Intake(eventBridgeCreated);

    expect(message?.messageId).toBe('17793124-05d4-b198-2fde-7ededc63b103');
    expect(notificationOf(message).uploads).toHaveLength(1);
  });

  it('reads an S3 notification delivered directly to a function', () => {
    const [message] = readS3Intake(objectCreatedPut);

    expect(message?.messageId).toBe('C3D13FE58DE4C810');
    expect(notificationOf(message).uploads).toHaveLength(1);
  });

  it('fails a malformed body for that message only', () => {
    const [first, second, third] = readS3Intake(sqsMixedBatch);

    expect(first?.ok).toBe(true);
    expect(second).toMatchObject({ messageId: '4b7c2e91-65d8-4a3f-b0e2-7f3a9c1d2e58', ok: false });
    expect(second?.ok === false && second.error.message).toBe('message body is not valid JSON');
    expect(notificationOf(third).uploads[0]?.key).toBe('incoming/assessments/data/ùnïcode ñ.csv');
  });

  it('fails an SQS record that lacks required fields for that record only', () => {
    const event = structuredClone(sqsS3Notification) as { Records: Record<string, unknown>[] };
    delete event.Records[0]!['md5OfBody'];

    const [first, second] = readS3Intake(event);

    expect(first?.ok).toBe(false);
    expect(second?.ok).toBe(true);
  });
});

describe('uploadKind', () => {
  it.each([
    ['incoming/assessments/batch-1.jsonl', 'assessments'],
    ['incoming/vacancies/2026/lowongan.xlsx', 'vacancies'],
    ['incoming/trainings/pelatihan.csv', 'trainings'],
    ['incoming/assessments/', undefined],
    ['incoming/other/file.csv', undefined],
    ['reports/incoming/assessments/batch-1.jsonl.report.json', undefined],
    ['Incoming/assessments/batch-1.jsonl', undefined],
  ])('%s -> %s', (key, kind) => {
    expect(uploadKind(key)).toBe(kind);
  });
});

describe('compareSequencers', () => {
  it('orders by hexadecimal value', () => {
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E6')).toBeLessThan(0);
    expect(compareSequencers('0055AED6DCD90281F0', '0055AED6DCD90281E6')).toBeGreaterThan(0);
  });

  it('right-pads the shorter with zeros before comparing, as AWS documents', () => {
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E500')).toBe(0);
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E501')).toBeLessThan(0);
    expect(compareSequencers('0055AED6DCD90281E6', '0055AED6DCD90281E5FF')).toBeGreaterThan(0);
  });

  it('ignores case', () => {
    expect(compareSequencers('617f08299329d189', '617F08299329D189')).toBe(0);
    expect(compareSequencers('617f08299329d18a', '617F08299329D189')).toBeGreaterThan(0);
  });

  it('refuses strings that are not sequencers', () => {
    expect(() => compareSequencers('', '00')).toThrow(RangeError);
    expect(() => compareSequencers('0x12', '00')).toThrow(RangeError);
  });
});
