import { ProblemException } from '#platform';

/** What a provider's webhook answers when it will not act; none of these changes anything. */
export const WebhookProblems = {
  notConfigured: (provider: string) =>
    new ProblemException(404, 'webhook_not_configured', 'Not found', `${provider} events are not received by this installation.`),
  signatureInvalid: (provider: string) =>
    new ProblemException(401, 'webhook_signature_invalid', 'Signature not verified', `The request does not carry a valid ${provider} signature.`),
  topicNotAllowed: () =>
    new ProblemException(
      403,
      'webhook_topic_not_allowed',
      'Topic not accepted',
      'The message is signed by Amazon SNS but comes from a topic this installation does not accept.',
    ),
};
