import Building from '#park/models/building'
import Unit from '#park/models/unit'
import ParkProfile from '#park/models/park_profile'

/** A building `L` with two vacant offices, L-101 (100 m²) and L-102 (60 m²). */
export async function makeUnits() {
  const building = await Building.create({ code: 'L', name: '租赁楼', floors: 3 })
  const a = await Unit.create({
    buildingId: building.id,
    floor: 1,
    number: 'L-101',
    unitType: 'office',
    area: 100,
    status: 'vacant',
  })
  const b = await Unit.create({
    buildingId: building.id,
    floor: 1,
    number: 'L-102',
    unitType: 'office',
    area: 60,
    status: 'vacant',
  })
  return { building, a, b }
}

/** A park profile with the given leasable area (of 1,000 m² in all). */
export function makeParkProfile(leasableArea: number) {
  return ParkProfile.create({
    name: '示范园区',
    address: '示范路 1 号',
    totalArea: 1000,
    leasableArea,
    operatorName: '示范运营公司',
    supervisionPhone: '0755-12345678',
    complaintChannel: '服务中心',
    officeHours: '工作日 09:00-18:00',
  })
}
