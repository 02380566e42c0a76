/**
 * Turns the period rows of an Autotask services grid into agreement lines. A recurring service
 * has its units set per period (Autotask's contract service units, each with a start and end
 * date), and the billed quantity is the units of the period that contains today. A service with
 * no such period, such as one that ended last month, gives no line.
 */
import type { LandmarkWarner } from '../landmark-warnings';
import { findTextField, parseQuantity, readFieldValue } from '../page-text';
import type { AgreementLine } from '../types';
import { dayNumberOf, formatDayNumber, parsePeriodDate, type DayNumber } from './period-dates';
import type { ServicePeriodRow } from './services-grid';

export interface ServiceLineContext {
  today: Date;
  /** Whether the contract is inactive, which marks every line cancelled. */
  cancelled: boolean;
  warn: LandmarkWarner;
}

interface Service {
  productId: string;
  name: string;
  current: ServicePeriodRow | null;
}

function describeService(service: Service): string {
  return service.name && service.name !== service.productId
    ? `"${service.productId}" (${service.name})`
    : `"${service.productId}"`;
}

/**
 * Returns whether the row's period contains `today`. An empty start or end date leaves that side
 * open. Returns null for a row that is not a period (both dates empty) or whose dates cannot be
 * read, with a warning for the latter.
 */
function containsDay(period: ServicePeriodRow, today: DayNumber, warn: LandmarkWarner) {
  if (!period.startText && !period.endText) return null;
  const start = period.startText ? parsePeriodDate(period.startText) : -Infinity;
  const end = period.endText ? parsePeriodDate(period.endText) : Infinity;
  if (start === null || end === null) {
    const text = start === null ? period.startText : period.endText;
    warn(
      'date format',
      `Autotask: service "${period.serviceId || period.serviceName}" has a period date that is ` +
        `not in the form 6/15/2025 or 2025-06-15 ("${text}"), so that period is skipped. ` +
        'Dates in other formats, such as 15/06/2025, are not read yet.',
    );
    return null;
  }
  return start <= today && today <= end;
}

/** Groups the rows by service, in page order, keeping the first row whose period contains today. */
function findCurrentPeriods(periods: ServicePeriodRow[], context: ServiceLineContext): Service[] {
  const today = dayNumberOf(context.today);
  const services = new Map<string, Service>();
  for (const period of periods) {
    const productId = period.serviceId || period.serviceName;
    let service = services.get(productId);
    if (!service) {
      service = { productId, name: period.serviceName, current: null };
      services.set(productId, service);
    }
    if (!service.current && containsDay(period, today, context.warn)) service.current = period;
  }
  return Array.from(services.values());
}

function warnNoCurrentPeriod(services: Service[], context: ServiceLineContext): void {
  const names = services.map(describeService).join(', ');
  const isSingle = services.length === 1;
  context.warn(
    'current period',
    `Autotask: no period of ${isSingle ? 'service' : 'services'} ${names} contains today ` +
      `(${formatDayNumber(dayNumberOf(context.today))}), so no count is shown for ` +
      `${isSingle ? 'it' : 'them'}. A service may have ended, or its next period may not ` +
      'have been added yet.',
  );
}

/**
 * Reads one line per service, with the units of its current period. A service without a current
 * period, or whose units cannot be read, is skipped with a warning, because a wrong number would
 * show a wrong comparison.
 */
export function readServiceLines(
  periods: ServicePeriodRow[],
  context: ServiceLineContext,
): AgreementLine[] {
  const services = findCurrentPeriods(periods, context);
  const lines: AgreementLine[] = [];
  for (const { productId, name, current } of services) {
    if (!current) continue;
    const quantity = parseQuantity(readFieldValue(current.unitsCell));
    if (quantity === null) {
      context.warn(
        'units format',
        `Autotask: service "${productId}" has a Units value that is not a number in the form ` +
          `1,234.00 ("${readFieldValue(current.unitsCell)}"), so no count is shown for it. Numbers ` +
          'in other formats, such as 1.234,00, are not read yet.',
      );
      continue;
    }
    lines.push({
      productId,
      description: name,
      quantity,
      lessIncluded: 0,
      billable: true,
      cancelled: context.cancelled,
      row: current.row,
      quantityCell: current.unitsCell,
      // NOTE: Edit mode is modelled on a Units field in each period row of the services grid, on
      // both screens. Autotask may edit units in a dialog instead, which has not been checked on
      // a live Autotask page, and then no field is found here and Apply is not shown.
      quantityInput: findTextField(current.unitsCell),
    });
  }

  const withoutPeriod = services.filter((service) => !service.current);
  if (withoutPeriod.length > 0) warnNoCurrentPeriod(withoutPeriod, context);
  return lines;
}
