# Writes test/grammar/domain.test.xml (a vscode-tmgrammar-test file): each source line is followed by assertion
# lines whose carets are computed from the substring they point at, so columns are never miscounted by hand.
lines = []

def src(line, *asserts):
    lines.append(line)
    for sub, scope in asserts:
        column = line.index(sub)
        assert column >= 4, f'{sub!r} starts before column 4 of {line!r}: the comment token would overlap it'
        lines.append('<!--' + ' ' * (column - 4) + '^' * len(sub) + ' ' + scope)

lines.append('<!-- SYNTAX TEST "text.xml.libvirt" "libvirt domain XML"')
src("<domain type='kvm'>", ("type", "entity.other.attribute-name.xml"), ("'kvm'", "string.quoted.single.xml"))
src("  <uuid>7a3c2e4b-1f2d-4c6a-9b8e-0d1c2b3a4f5e</uuid>", ("7a3c2e4b-1f2d-4c6a-9b8e-0d1c2b3a4f5e", "constant.other.uuid.libvirt-xml"))
src("  <memory unit='GiB'>8</memory>", ("GiB", "keyword.other.unit.libvirt-xml"), ("8", "constant.numeric.integer.libvirt-xml"))
src('  <currentMemory unit="KiB">8388608</currentMemory>', ("KiB", "keyword.other.unit.libvirt-xml"), ("8388608", "constant.numeric.integer.libvirt-xml"))
src("  <devices>")
src('    <interface type="bridge">', ('"bridge"', "string.quoted.double.xml"))
src("      <mac address='52:54:00:91:65:22'/>", ("52:54:00:91:65:22", "constant.other.mac-address.libvirt-xml"))
src("      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>",
    ("'pci'", "string.quoted.single.xml"), ("0x0000", "constant.numeric.address.libvirt-xml"), ("0x04", "constant.numeric.address.libvirt-xml"))
src("    </interface>", ("interface", "entity.name.tag.xml"))
src("    <disk type='file' device='disk'>")
src("      <address type='drive' controller='0' bus='0' target='0' unit='1'/>", ("1", "constant.numeric.address.libvirt-xml"))
src("    </disk>")
src("  </devices>")
src("  <!-- a comment with <tags> inside -->", ("a comment with <tags> inside", "comment.block.xml"))
src("  <description>a &amp; b</description>", ("&amp;", "constant.character.entity.xml"))
src("  <![CDATA[ <raw> ]]>", (" <raw> ", "string.unquoted.cdata.xml"))
src("</domain>")
open('test/grammar/domain.test.xml', 'w').write('\n'.join(lines) + '\n')

# A network: its addresses (IPv4, IPv6), a DHCP host's MAC.
lines = []
lines.append('<!-- SYNTAX TEST "text.xml.libvirt" "libvirt network XML"')
src("<network>")
src("  <name>lab</name>")
src("  <forward mode='nat'/>", ("'nat'", "string.quoted.single.xml"))
src("  <ip address='192.168.100.1' netmask='255.255.255.0'>",
    ("192.168.100.1", "constant.other.ip-address.libvirt-xml"), ("255.255.255.0", "constant.other.ip-address.libvirt-xml"))
src("    <dhcp>")
src("      <range start='192.168.100.2' end='192.168.100.254'/>",
    ("192.168.100.2", "constant.other.ip-address.libvirt-xml"), ("192.168.100.254", "constant.other.ip-address.libvirt-xml"))
src("      <host mac='52:54:00:6c:3c:01' name='web' ip='192.168.100.10'/>",
    ("52:54:00:6c:3c:01", "constant.other.mac-address.libvirt-xml"), ("'web'", "string.quoted.single.xml"),
    ("192.168.100.10", "constant.other.ip-address.libvirt-xml"))
src("    </dhcp>")
src("  </ip>")
src("  <ip family='ipv6' address='fd00:100::1' prefix='64'/>", ("fd00:100::1", "constant.other.ip-address.libvirt-xml"))
src("</network>")
open('test/grammar/network.test.xml', 'w').write('\n'.join(lines) + '\n')
