import type { Checked } from '../../../helpers/validation/userData';

// The formats of Braze's standard profile fields that Profile Fields checks (profile.ts):
// https://www.braze.com/docs/api/objects_filters/user_attributes_object

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes that are not countries: unknown, European Union, Eurozone, United Nations, private use. */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 3166-1 alpha-2 (Braze maps other spellings on a best-effort basis, and clears the country when it can't). */
export function countryCode(text: string): Checked<string> {
	const code = text.trim().toUpperCase();
	if (/^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined) {
		return { value: code };
	}
	return {
		problem: `"${text}" is not a two-letter ISO 3166-1 country code`,
		fix: 'Use the two-letter code, e.g. US, DE or JP. Braze clears the country when it cannot map a name.',
	};
}

/**
 * ISO 639-1 codes withdrawn in favour of new ones. The runtime's language names still know them,
 * but `language` takes a code from Braze's list of accepted languages, which has only the current
 * ones, and Braze refuses the object otherwise
 * (https://www.braze.com/docs/api/objects_filters/user_attributes_object).
 */
const WITHDRAWN_LANGUAGES: Record<string, string> = {
	iw: 'he (Hebrew)',
	in: 'id (Indonesian)',
	ji: 'yi (Yiddish)',
	jw: 'jv (Javanese)',
	mo: 'ro (Romanian)',
	sh: 'sr (Serbian), hr (Croatian) or bs (Bosnian)',
};

/** ISO 639-1: two letters, a current code. */
export function languageCode(text: string): Checked<string> {
	const code = text.trim().toLowerCase();
	const current = WITHDRAWN_LANGUAGES[code];
	if (current !== undefined) {
		return {
			problem: `"${text}" is a withdrawn ISO 639-1 code`,
			fix: `Use the current code ${current}: Braze accepts only current codes.`,
		};
	}
	if (/^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined) return { value: code };
	return {
		problem: `"${text}" is not a two-letter ISO 639-1 language code`,
		fix: 'Use the two-letter code, e.g. en, de or ja.',
	};
}

/** An IANA time zone name such as America/New_York. */
export function timeZone(text: string): Checked<string> {
	const name = text.trim();
	try {
		if (name.includes('/') || name === 'UTC') {
			new Intl.DateTimeFormat('en', { timeZone: name });
			return { value: name };
		}
	} catch {
		// not a zone this runtime knows: refused below
	}
	return {
		problem: `"${text}" is not an IANA time zone`,
		fix: 'Use a name from the IANA time zone database, e.g. America/New_York or Europe/Berlin; Braze ignores other values.',
	};
}

/**
 * The earliest year of birth taken. Braze documents only the YYYY-MM-DD form of `dob`; a year
 * before 1900 is no living person's (0000-01-01 is a blank date in many exports), so it is
 * refused rather than stored as a birthday.
 */
export const EARLIEST_BIRTH_YEAR = 1900;

/** A date of birth: YYYY-MM-DD, a real calendar date, from 1900-01-01 to today. */
export function birthDate(text: string, now = Date.now()): Checked<string> {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
	const real =
		date !== undefined &&
		!Number.isNaN(date.getTime()) &&
		date.toISOString().slice(0, 10) === match?.[0];
	if (real && Number(match[1]) < EARLIEST_BIRTH_YEAR) {
		return {
			problem: `"${text}" is before ${EARLIEST_BIRTH_YEAR}`,
			fix: `Give a date of birth from ${EARLIEST_BIRTH_YEAR}-01-01 to today; leave the field out when the date is unknown (a placeholder such as 0000-01-01 would be stored as a birthday).`,
		};
	}
	if (real && date.getTime() <= now) return { value: match[0] };
	return {
		problem: `"${text}" is not a past date in the form YYYY-MM-DD`,
		fix: 'Give the date of birth as year-month-day, e.g. 1980-12-21.',
	};
}
