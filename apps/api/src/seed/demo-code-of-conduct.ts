/**
 * The demo organization's code of conduct, published as version 1 by its EC secretary when the
 * demo is seeded, so that every welcome carries it and every member is asked to acknowledge it
 * (S14). Its §4 is the rule the demo's published outcome notice applies.
 */
export const DEMO_CODE_OF_CONDUCT = {
  title: 'Code of Conduct',
  text: [
    'This code applies to every member, in every branch, meeting, event and online space of the organization, and to its officers and staff above all.',
    '§1 Equal standing. Every member has one voice and one vote. No office, length of membership or seniority puts a member above this code.',
    '§2 Honest dealing. We tell the truth in the organization’s business, keep its money and records honest, and declare any interest we have in a decision before it is taken.',
    '§3 Confidentiality. What a member tells an officer in confidence, and everything about a complaint, stays with those who need it to handle it.',
    '§4 Respect for every member. We disagree about ideas, never by attacking people. Harassment, intimidation, threats and discrimination — for sex, gender, race, origin, religion, disability, sexuality, age or any other reason — are never acceptable, in person or online.',
    '§5 No retaliation. Nobody may be treated worse for raising a concern, making a complaint or giving evidence.',
    '§6 Raising a concern. Any member can raise something privately with the Control Commission, from their home page in the platform (Raise something privately) or by writing to any of its members. The Control Commission is elected by the congress and is independent of the executive; the member concerned is heard, and every decision can be appealed to the Appeals Committee.',
  ].join('\n\n'),
};
