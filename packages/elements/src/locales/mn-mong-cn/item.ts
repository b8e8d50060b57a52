import type { itemMessages } from '../../item-common/messages.js';

/** The badges and labels the search and the guide share, in traditional Mongolian script. */
export const itemMongolian: Partial<Record<keyof (typeof itemMessages)['zh-CN'], string>> = {
  'item.badge.immediate': 'ᠲᠡᠷᠡ ᠳᠠᠷᠤᠭ᠎ᠠ',
  'item.badge.zeroVisit': 'ᠢᠷᠡᠬᠦᠢ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ',
  'item.badge.oneVisit': 'ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠢᠷᠡᠬᠦᠢ',
  'item.badge.fullyOnline': 'ᠪᠦᠭᠦᠳᠡ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ',
  'item.badge.national': 'ᠪᠦᠬᠦ ᠤᠯᠤᠰ ᠲᠤ',
  'item.badge.interProvincial': 'ᠮᠤᠵ᠎ᠠ ᠳᠠᠪᠠᠵᠤ',
  'item.badge.bundle': 'ᠨᠢᠭᠡ ᠬᠡᠷᠡᠭ',
  'item.badges': 'ᠣᠨᠴᠤ ᠴᠢᠨᠠᠷ',
  'item.depth.I': 'I᠄ ᠮᠡᠳᠡᠡᠯᠡ',
  'item.depth.II': 'II᠄ ᠤᠷᠢᠳᠠ ᠱᠠᠯᠭᠠᠬᠤ',
  'item.depth.III': 'III᠄ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ',
  'item.depth.IV': 'IV᠄ ᠪᠦᠭᠦᠳᠡ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ',
  'item.audience.naturalPerson': 'ᠢᠷᠭᠡᠨ',
  'item.audience.enterprise': 'ᠠᠵ ᠠᠬᠤᠢ',
  'item.audience.publicInstitution': 'ᠠᠯᠪᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  'item.audience.socialOrganisation': 'ᠨᠡᠶᠢᠭᠡᠮ ᠦᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  'item.audience.other': 'ᠪᠤᠰᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
  'item.limit.workingDays': '{value} ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ',
  'item.limit.naturalDays': '{value} ᠡᠳᠦᠷ',
  'item.limit.hours': '{value} ᠴᠠᠭ',
  'item.promised': 'ᠠᠮᠠᠯᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ',
  'item.department': 'ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ',
};
