/** The parts of a custom-elements.json manifest this file touches. */
interface Member {
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  members?: Member[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/**
 * The manifest without private, protected and static members (internal state such as `phase`, the shipped
 * `messages`), so the docs' tables and controls show what a site can actually set.
 */
export function publicApiOnly(json: object): Manifest {
  const manifest = json as Manifest;
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? {
              ...declaration,
              members: declaration.members.filter(
                (member) => (!member.privacy || member.privacy === 'public') && !member.static,
              ),
            }
          : declaration,
      ),
    })),
  };
}
