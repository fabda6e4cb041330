// Checks on a Connected Audience that Braze's docs leave open, made before anything else
// walks the object. https://www.braze.com/docs/api/objects_filters/connected_audience

/**
 * Braze documents no nesting limit. 100 levels of JSON (a group is two: its object and its
 * list, so about 50 groups inside each other) is far beyond any audience built by hand, and far
 * below the depth at which checking or encoding the body would exhaust the call stack.
 */
export const MAX_AUDIENCE_NESTING = 100;

/** The shared iterative depth check (helpers/values/jsonWalk.ts), kept importable from here. */
export { nestsDeeperThan } from '../../helpers/values/jsonWalk';

/**
 * Why a regular expression cannot compile, or undefined when it can. Braze's engine is not
 * documented, so syntax JavaScript lacks but other engines have (possessive quantifiers,
 * atomic groups, inline flags such as (?i)) is rewritten to its nearest equivalent first:
 * only a pattern no engine reads (an unclosed bracket, nothing to repeat) is refused.
 */
export function regexProblem(pattern: string): string | undefined {
	const portable = pattern
		.replace(/\(\?>/g, '(?:')
		.replace(/\(\?[imsxU-]+\)/g, '')
		.replace(/\(\?[imsxU-]+:/g, '(?:')
		.replace(/([*+?}])\+/g, '$1');
	try {
		new RegExp(portable);
		return undefined;
	} catch (error) {
		// "Invalid regular expression: /([a-z/: Unterminated character class" → the reason only.
		const reason = (error as Error).message.split(': ').pop() ?? '';
		return reason.charAt(0).toUpperCase() + reason.slice(1);
	}
}
