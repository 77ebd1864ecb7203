// The one fake host of the tests (the seed's GPU box) and the language service built on fixed facts: host facts
// enter the service as plain data, and its randomness (the UUID fix) is pinned so fix outputs can be compared.

import type { HostFacts } from '../../server/src/service/hostFacts';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import type { ServiceEnvironment } from '../../server/src/service/languageTypes';

export const X86_64_HOST: HostFacts = { arch: 'x86_64' };

/** The seed's host: an RTX 3060 at 27:00.0 with its audio function at 27:00.1, both in IOMMU group 16. */
export const FAKE_GPU_HOST: HostFacts = {
  arch: 'x86_64',
  pciDevices: [
    {
      address: { domain: 0, bus: 0x27, slot: 0, function: 0 },
      vendorId: '10de',
      deviceId: '2503',
      classCode: '030000',
      name: 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]',
      iommuGroup: 16,
      driver: 'vfio-pci',
    },
    {
      address: { domain: 0, bus: 0x27, slot: 0, function: 1 },
      vendorId: '10de',
      deviceId: '228e',
      classCode: '040300',
      name: 'Audio device: NVIDIA Corporation Device',
      iommuGroup: 16,
      driver: 'vfio-pci',
    },
    {
      address: { domain: 0, bus: 0x28, slot: 0, function: 0 },
      vendorId: '144d',
      deviceId: 'a808',
      classCode: '010802',
      name: 'Non-Volatile memory controller: Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983',
      iommuGroup: 17,
      driver: 'nvme',
    },
  ],
};

/** What every "new random UUID" is in the tests. */
export const PINNED_UUID = '8f4c2b1e-7d3a-4e6b-9c5f-0a1b2c3d4e5f';

export function fakeEnvironment(host: HostFacts = X86_64_HOST): ServiceEnvironment {
  return { hostFacts: () => host, randomUuid: () => PINNED_UUID };
}

export function createTestService(host: HostFacts = X86_64_HOST): LanguageService {
  return createLanguageService(fakeEnvironment(host));
}
