/** 邮政编码: six digits, such as 014000 (Baotou). */
export const isValidPostalCode = (value: string): boolean => /^\d{6}$/.test(value);
