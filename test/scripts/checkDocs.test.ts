import type { INodeTypeDescription } from 'n8n-workflow';

import { BrazeApi } from '../../credentials/BrazeApi.credentials';
import { BrazePostbackApi } from '../../credentials/BrazePostbackApi.credentials';
import { Braze } from '../../nodes/Braze/Braze.node';

// Plain Node scripts that .ci/run also runs on their own.
const { docProblems, slug } = jest.requireActual('../../scripts/check-docs.js') as {
	docProblems(input: {
		description: INodeTypeDescription;
		credentials: Array<{ name: string; documentationUrl: string }>;
	}): string[];
	slug(heading: string): string;
};

describe('What a reviewer reads', () => {
	it('README, docs/, codex, credential and package.json links point at pages that exist', () => {
		expect(
			docProblems({
				description: new Braze().description,
				credentials: [new BrazeApi(), new BrazePostbackApi()],
			}),
		).toEqual([]);
	});

	it('makes anchors as GitHub does', () => {
		expect(slug('Audience: target users by filters (Connected Audience)')).toBe(
			'audience-target-users-by-filters-connected-audience',
		);
		expect(slug('Use it: Message › Send')).toBe('use-it-message--send');
	});
});
