import { Pipe, PipeTransform } from '@angular/core';
import { displayDate, displayDateTime, displayNhsNumber, displaySex } from './format';

@Pipe({ name: 'nhsNumber' })
export class NhsNumberPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return displayNhsNumber(value);
  }
}

@Pipe({ name: 'ukDate' })
export class UkDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return displayDate(value);
  }
}

@Pipe({ name: 'ukDateTime' })
export class UkDateTimePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return displayDateTime(value);
  }
}

@Pipe({ name: 'sex' })
export class SexPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return displaySex(value);
  }
}
