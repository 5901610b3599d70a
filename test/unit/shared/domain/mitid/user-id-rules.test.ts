import { describe, expect, it } from 'vitest';
import { brokenUserIdRules, normaliseUserId } from '../../../../../shared/domain/mitid/index';

describe('brokenUserIdRules', () => {
  it('accepts real-looking user IDs, in any case', () => {
    for (const id of ['kirsten.holm', 'Mikkel.Østergaard', 'hp_mortensen-1970', 'aa bb', 'x{y}!#$^,*()_+-=:;?.@']) {
      expect(brokenUserIdRules(id), id).toEqual([]);
    }
  });
  it('length 5 to 48', () => {
    expect(brokenUserIdRules('abcd')).toEqual(['length']);
    expect(brokenUserIdRules('a'.repeat(49))).toEqual(['length']);
    expect(brokenUserIdRules('a'.repeat(48))).toEqual([]);
  });
  it('only the allowed characters', () => {
    expect(brokenUserIdRules('kirsten/holm')).toEqual(['characters']);
    expect(brokenUserIdRules('kirsten&holm')).toEqual(['characters']);
    expect(brokenUserIdRules('björn.berg')).toEqual(['characters']);
  });
  it('no CPR number and no 10 digits in a row', () => {
    expect(brokenUserIdRules('1203681234')).toEqual(['ten_digits']);
    expect(brokenUserIdRules('120368-1234')).toEqual(['ten_digits']);
    expect(brokenUserIdRules('user0123456789')).toEqual(['ten_digits']);
    expect(brokenUserIdRules('user012345678')).toEqual([]);
  });
  it('no leading or trailing space', () => {
    expect(brokenUserIdRules(' kirsten')).toEqual(['edge_space']);
    expect(brokenUserIdRules('kirsten ')).toEqual(['edge_space']);
  });
  it('normalises to lower case', () => {
    expect(normaliseUserId('Mikkel.ØSTERGAARD')).toBe('mikkel.østergaard');
  });
});
