// Baseline: Double Metaphone (Lawrence Philips, C/C++ Users Journal, June 2000), written from
// the published rules; primary and alternate codes of up to 4 characters per word. A name
// scores the Dice overlap of its tokens, two tokens matching when any of their codes agree.
import { diceOfCodes, plainTokens } from './name-tokens.js';

const VOWELS = 'AEIOUY';

/** Primary and alternate Double Metaphone codes of one word. */
export function doubleMetaphone(word: string): [string, string] {
  const w = word.toUpperCase().replace(/[^A-Z]/g, '');
  if (w.length === 0) return ['', ''];
  let primary = '';
  let alternate = '';
  const add = (p: string, a: string = p): void => {
    primary += p;
    alternate += a;
  };
  const at = (i: number): string => (i >= 0 && i < w.length ? w[i]! : '');
  const isVowel = (i: number): boolean => VOWELS.includes(at(i)) && at(i) !== '';
  const sub = (start: number, len: number, ...opts: string[]): boolean => {
    if (start < 0) return false;
    const s = w.slice(start, start + len);
    return opts.includes(s);
  };
  const slavoGermanic = /W|K|CZ|WITZ/.test(w);
  const last = w.length - 1;
  let i = 0;
  if (sub(0, 2, 'GN', 'KN', 'PN', 'WR', 'PS')) i = 1;
  if (at(0) === 'X') {
    add('S');
    i = 1;
  }
  while (i < w.length && (primary.length < 4 || alternate.length < 4)) {
    const c = at(i);
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        if (i === 0) add('A');
        i++;
        break;
      case 'B':
        add('P');
        i += at(i + 1) === 'B' ? 2 : 1;
        break;
      case 'C':
        if (
          i > 1 &&
          !isVowel(i - 2) &&
          sub(i - 1, 3, 'ACH') &&
          at(i + 2) !== 'I' &&
          (at(i + 2) !== 'E' || sub(i - 2, 6, 'BACHER', 'MACHER'))
        ) {
          add('K');
          i += 2;
        } else if (i === 0 && sub(i, 6, 'CAESAR')) {
          add('S');
          i += 2;
        } else if (sub(i, 4, 'CHIA')) {
          add('K');
          i += 2;
        } else if (sub(i, 2, 'CH')) {
          if (i > 0 && sub(i, 4, 'CHAE')) add('K', 'X');
          else if (
            i === 0 &&
            (sub(i + 1, 5, 'HARAC', 'HARIS') || sub(i + 1, 3, 'HOR', 'HYM', 'HIA', 'HEM')) &&
            !sub(0, 5, 'CHORE')
          )
            add('K');
          else if (
            sub(0, 4, 'VAN ', 'VON ') ||
            sub(0, 3, 'SCH') ||
            sub(i - 2, 6, 'ORCHES', 'ARCHIT', 'ORCHID') ||
            sub(i + 2, 1, 'T', 'S') ||
            ((sub(i - 1, 1, 'A', 'O', 'U', 'E') || i === 0) &&
              sub(i + 2, 1, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' '))
          )
            add('K');
          else if (i > 0) add(sub(0, 2, 'MC') ? 'K' : 'X', 'K');
          else add('X');
          i += 2;
        } else if (sub(i, 2, 'CZ') && !sub(i - 2, 4, 'WICZ')) {
          add('S', 'X');
          i += 2;
        } else if (sub(i + 1, 3, 'CIA')) {
          add('X');
          i += 3;
        } else if (sub(i, 2, 'CC') && !(i === 1 && at(0) === 'M')) {
          if (sub(i + 2, 1, 'I', 'E', 'H') && !sub(i + 2, 2, 'HU')) {
            if ((i === 1 && at(i - 1) === 'A') || sub(i - 1, 5, 'UCCEE', 'UCCES')) add('KS');
            else add('X');
            i += 3;
          } else {
            add('K');
            i += 2;
          }
        } else if (sub(i, 2, 'CK', 'CG', 'CQ')) {
          add('K');
          i += 2;
        } else if (sub(i, 2, 'CI', 'CE', 'CY')) {
          if (sub(i, 3, 'CIO', 'CIE', 'CIA')) add('S', 'X');
          else add('S');
          i += 2;
        } else {
          add('K');
          i += sub(i + 1, 2, ' C', ' Q', ' G')
            ? 3
            : sub(i + 1, 1, 'C', 'K', 'Q') && !sub(i + 1, 2, 'CE', 'CI')
              ? 2
              : 1;
        }
        break;
      case 'D':
        if (sub(i, 2, 'DG')) {
          if (sub(i + 2, 1, 'I', 'E', 'Y')) {
            add('J');
            i += 3;
          } else {
            add('TK');
            i += 2;
          }
        } else {
          add('T');
          i += sub(i, 2, 'DT', 'DD') ? 2 : 1;
        }
        break;
      case 'F':
        add('F');
        i += at(i + 1) === 'F' ? 2 : 1;
        break;
      case 'G':
        if (at(i + 1) === 'H') {
          if (i > 0 && !isVowel(i - 1)) {
            add('K');
            i += 2;
          } else if (i === 0) {
            add(at(i + 2) === 'I' ? 'J' : 'K');
            i += 2;
          } else if (
            (i > 1 && sub(i - 2, 1, 'B', 'H', 'D')) ||
            (i > 2 && sub(i - 3, 1, 'B', 'H', 'D')) ||
            (i > 3 && sub(i - 4, 1, 'B', 'H'))
          ) {
            i += 2;
          } else {
            if (i > 2 && at(i - 1) === 'U' && sub(i - 3, 1, 'C', 'G', 'L', 'R', 'T')) add('F');
            else if (i > 0 && at(i - 1) !== 'I') add('K');
            i += 2;
          }
        } else if (at(i + 1) === 'N') {
          if (i === 1 && isVowel(0) && !slavoGermanic) add('KN', 'N');
          else if (!sub(i + 2, 2, 'EY') && at(i + 1) !== 'Y' && !slavoGermanic) add('N', 'KN');
          else add('KN');
          i += 2;
        } else if (sub(i + 1, 2, 'LI') && !slavoGermanic) {
          add('KL', 'L');
          i += 2;
        } else if (
          i === 0 &&
          (at(1) === 'Y' || sub(1, 2, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))
        ) {
          add('K', 'J');
          i += 2;
        } else if (
          (sub(i + 1, 2, 'ER') || at(i + 1) === 'Y') &&
          !sub(0, 6, 'DANGER', 'RANGER', 'MANGER') &&
          !sub(i - 1, 1, 'E', 'I') &&
          !sub(i - 1, 3, 'RGY', 'OGY')
        ) {
          add('K', 'J');
          i += 2;
        } else if (sub(i + 1, 1, 'E', 'I', 'Y') || sub(i - 1, 4, 'AGGI', 'OGGI')) {
          if (sub(0, 4, 'VAN ', 'VON ') || sub(0, 3, 'SCH') || sub(i + 1, 2, 'ET')) add('K');
          else if (sub(i + 1, 4, 'IER ')) add('J');
          else add('J', 'K');
          i += 2;
        } else {
          add('K');
          i += at(i + 1) === 'G' ? 2 : 1;
        }
        break;
      case 'H':
        if ((i === 0 || isVowel(i - 1)) && isVowel(i + 1)) {
          add('H');
          i += 2;
        } else i++;
        break;
      case 'J':
        if (sub(i, 4, 'JOSE') || sub(0, 4, 'SAN ')) {
          if ((i === 0 && at(i + 4) === ' ') || sub(0, 4, 'SAN ')) add('H');
          else add('J', 'H');
        } else if (i === 0 && !sub(i, 4, 'JOSE')) add('J', 'A');
        else if (isVowel(i - 1) && !slavoGermanic && (at(i + 1) === 'A' || at(i + 1) === 'O')) add('J', 'H');
        else if (i === last) add('J', '');
        else if (!sub(i + 1, 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') && !sub(i - 1, 1, 'S', 'K', 'L'))
          add('J');
        i += at(i + 1) === 'J' ? 2 : 1;
        break;
      case 'K':
        add('K');
        i += at(i + 1) === 'K' ? 2 : 1;
        break;
      case 'L':
        if (at(i + 1) === 'L') {
          if (
            (i === w.length - 3 && sub(i - 1, 4, 'ILLO', 'ILLA', 'ALLE')) ||
            ((sub(last - 1, 2, 'AS', 'OS') || sub(last, 1, 'A', 'O')) && sub(i - 1, 4, 'ALLE'))
          )
            add('L', '');
          else add('L');
          i += 2;
        } else {
          add('L');
          i++;
        }
        break;
      case 'M':
        add('M');
        i += (sub(i - 1, 3, 'UMB') && (i + 1 === last || sub(i + 2, 2, 'ER'))) || at(i + 1) === 'M' ? 2 : 1;
        break;
      case 'N':
        add('N');
        i += at(i + 1) === 'N' ? 2 : 1;
        break;
      case 'P':
        if (at(i + 1) === 'H') {
          add('F');
          i += 2;
        } else {
          add('P');
          i += sub(i + 1, 1, 'P', 'B') ? 2 : 1;
        }
        break;
      case 'Q':
        add('K');
        i += at(i + 1) === 'Q' ? 2 : 1;
        break;
      case 'R':
        if (i === last && !slavoGermanic && sub(i - 2, 2, 'IE') && !sub(i - 4, 2, 'ME', 'MA')) add('', 'R');
        else add('R');
        i += at(i + 1) === 'R' ? 2 : 1;
        break;
      case 'S':
        if (sub(i - 1, 3, 'ISL', 'YSL')) i++;
        else if (i === 0 && sub(i, 5, 'SUGAR')) {
          add('X', 'S');
          i++;
        } else if (sub(i, 2, 'SH')) {
          add(sub(i + 1, 4, 'HEIM', 'HOEK', 'HOLM', 'HOLZ') ? 'S' : 'X');
          i += 2;
        } else if (sub(i, 3, 'SIO', 'SIA') || sub(i, 4, 'SIAN')) {
          add('S', slavoGermanic ? 'S' : 'X');
          i += 3;
        } else if ((i === 0 && sub(i + 1, 1, 'M', 'N', 'L', 'W')) || sub(i + 1, 1, 'Z')) {
          add('S', 'X');
          i += sub(i + 1, 1, 'Z') ? 2 : 1;
        } else if (sub(i, 2, 'SC')) {
          if (at(i + 2) === 'H') {
            if (sub(i + 3, 2, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM'))
              add(sub(i + 3, 2, 'ER', 'EN') ? 'X' : 'SK', 'SK');
            else add('X', i === 0 && !isVowel(3) && at(3) !== 'W' ? 'S' : 'X');
          } else if (sub(i + 2, 1, 'I', 'E', 'Y')) add('S');
          else add('SK');
          i += 3;
        } else {
          if (i === last && sub(i - 2, 2, 'AI', 'OI')) add('', 'S');
          else add('S');
          i += sub(i + 1, 1, 'S', 'Z') ? 2 : 1;
        }
        break;
      case 'T':
        if (sub(i, 4, 'TION') || sub(i, 3, 'TIA', 'TCH')) {
          add('X');
          i += 3;
        } else if (sub(i, 2, 'TH') || sub(i, 3, 'TTH')) {
          add(sub(i + 2, 2, 'OM', 'AM') || sub(0, 4, 'VAN ', 'VON ') || sub(0, 3, 'SCH') ? 'T' : '0', 'T');
          i += 2;
        } else {
          add('T');
          i += sub(i + 1, 1, 'T', 'D') ? 2 : 1;
        }
        break;
      case 'V':
        add('F');
        i += at(i + 1) === 'V' ? 2 : 1;
        break;
      case 'W':
        if (sub(i, 2, 'WR')) {
          add('R');
          i += 2;
          break;
        }
        if (i === 0 && (isVowel(i + 1) || sub(i, 2, 'WH')))
          add(isVowel(i + 1) ? 'A' : 'A', isVowel(i + 1) ? 'F' : 'A');
        if (
          (i === last && isVowel(i - 1)) ||
          sub(i - 1, 5, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') ||
          sub(0, 3, 'SCH')
        )
          add('', 'F');
        else if (sub(i, 4, 'WICZ', 'WITZ')) {
          add('TS', 'FX');
          i += 4;
          break;
        }
        i++;
        break;
      case 'X':
        if (!(i === last && (sub(i - 3, 3, 'IAU', 'EAU') || sub(i - 2, 2, 'AU', 'OU')))) add('KS');
        i += sub(i + 1, 1, 'C', 'X') ? 2 : 1;
        break;
      case 'Z':
        if (at(i + 1) === 'H') {
          add('J');
          i += 2;
        } else {
          if (sub(i + 1, 2, 'ZO', 'ZI', 'ZA') || (slavoGermanic && i > 0 && at(i - 1) !== 'T'))
            add('S', 'TS');
          else add('S');
          i += at(i + 1) === 'Z' ? 2 : 1;
        }
        break;
      default:
        i++;
    }
  }
  return [primary.slice(0, 4), alternate.slice(0, 4)];
}

/** Dice overlap of two names' tokens under Double Metaphone. */
export function doubleMetaphoneScore(a: string, b: string): number {
  return diceOfCodes(
    plainTokens(a).map((t) => doubleMetaphone(t)),
    plainTokens(b).map((t) => doubleMetaphone(t)),
  );
}
