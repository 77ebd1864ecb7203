// What the bench times, gathered for bundling (bench/shippedService.ts).
export { createLanguageService } from '../server/src/service/languageService';
export { LibvirtSchema } from '../server/src/service/schema/libvirtSchema';
export { parseXml } from '../server/src/service/xml/xmlParser';
