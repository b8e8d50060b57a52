/** A widget's message lookup (`BanshiElement#msg`), as handed to the view functions beside it. */
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;
