import { describeRetryMatrix, OPERATIONS } from '../../../helpers/retryMatrix';

/**
 * Messages, schedules, Live Activities and transactional email: no operation applies a change twice, whatever the
 * options. Each operation × each unclear answer (dropped after Braze accepted, a timeout after
 * Braze accepted, a 500) × each way of trying again (Retry Server Errors off or on, n8n's Retry
 * On Fail, n8n's Retry of the failed execution), counted where it lands: deliveries, events,
 * purchases, requests Braze accepted. Where applying twice comes out the same, the option sends
 * again, and the output says so. The matrix is test/helpers/retryMatrix.ts; the users' half
 * is its own file, so that the two run side by side.
 */
const USERS = /^(User|Subscription Group|Send ID) ›/;

describeRetryMatrix(OPERATIONS.filter((operation) => !USERS.test(operation.name)));
