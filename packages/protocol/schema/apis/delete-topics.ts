import type { ApiDeclaration } from '../model.js';

export const DeleteTopics: ApiDeclaration = {
  name: 'DeleteTopics',
  apiKey: 20,
  versions: '0-6',
  flexibleVersions: '4+',
  request: `
    Topics []DeleteTopicState v6+
      Name string v6+ nullable:6+ default:null
      TopicId uuid v6+
    TopicNames []string v0-5 ignorable
    TimeoutMs int32
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    Responses []DeletableTopicResult
      Name string nullable:6+
      TopicId uuid v6+ ignorable
      ErrorCode int16
      ErrorMessage string v5+ nullable:5+ ignorable default:null
  `,
};
